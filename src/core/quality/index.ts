export * from './frame-checks';
export * from './landmark-jump';
export * from './quality-options';
export * from './quality-status';
export * from './track-quality';
export * from './finite-values';
export * from './gate-sample';
export * from './exercise-quality-options';
