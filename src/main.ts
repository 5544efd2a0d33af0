import './ui/app/atlas-app';

// The app replaces the loading placeholder (it brings its own <main> landmark).
const placeholder = document.querySelector('#app');
if (placeholder) placeholder.replaceWith(document.createElement('atlas-app'));
