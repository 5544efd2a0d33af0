// placeholder, replaced by the model-bundle builder
console.log('build-models: not yet implemented');
