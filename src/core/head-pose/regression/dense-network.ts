import { tanh } from './tanh';

/** One fully connected layer: out = activation(W·in + b), W row-major [outputs × inputs]. */
export interface DenseLayer {
  readonly inputs: number;
  readonly outputs: number;
  readonly weights: Float64Array;
  readonly bias: Float64Array;
  readonly activation: 'tanh' | 'linear';
}

/** The JSON form a training script writes (plain arrays). */
export interface DenseNetworkJson {
  readonly layers: readonly {
    readonly inputs: number;
    readonly outputs: number;
    readonly weights: readonly number[];
    readonly bias: readonly number[];
    readonly activation: 'tanh' | 'linear';
  }[];
  /** Per-input standardisation applied before the first layer: (x − mean) / std. */
  readonly inputMean: readonly number[];
  readonly inputStd: readonly number[];
  /** Each output is multiplied by this (e.g. 90 to give degrees from a ±1 target). */
  readonly outputScale: number;
}

/** A network's weights checked and laid out as typed arrays, once: shared by every DenseNetwork that runs them, never written. */
export interface DenseWeights {
  readonly inputs: number;
  readonly outputs: number;
  readonly layers: readonly DenseLayer[];
  readonly inputMean: Float64Array;
  /** 1 / std (0 for a constant input). */
  readonly inputScale: Float64Array;
  readonly outputScale: number;
}

export function denseWeights(json: DenseNetworkJson): DenseWeights {
  if (json.layers.length === 0) throw new Error('a network needs at least one layer');
  const layers = json.layers.map((layer, i) => {
    if (layer.weights.length !== layer.inputs * layer.outputs || layer.bias.length !== layer.outputs) {
      throw new Error(`layer ${i}: ${layer.weights.length} weights and ${layer.bias.length} biases for ${layer.inputs}→${layer.outputs}`);
    }
    const previous = json.layers[i - 1];
    if (previous && previous.outputs !== layer.inputs) throw new Error(`layer ${i} takes ${layer.inputs} inputs, layer ${i - 1} gives ${previous.outputs}`);
    return { inputs: layer.inputs, outputs: layer.outputs, activation: layer.activation, weights: Float64Array.from(layer.weights), bias: Float64Array.from(layer.bias) };
  });
  const inputs = (layers[0] as DenseLayer).inputs;
  if (json.inputMean.length !== inputs || json.inputStd.length !== inputs) throw new Error('input standardisation does not match the first layer');
  return {
    inputs,
    outputs: (layers[layers.length - 1] as DenseLayer).outputs,
    layers,
    inputMean: Float64Array.from(json.inputMean),
    inputScale: Float64Array.from(json.inputStd, (s) => (s > 1e-9 ? 1 / s : 0)),
    outputScale: json.outputScale,
  };
}

/**
 * One layer into `y`. Each dot product in four running sums: one sum is a chain of dependent
 * additions that waits on each add's latency; four independent ones ran the network 1.6× faster.
 * Everything the inner loop reads is in locals: property loads per multiply-add tripled its cost.
 */
function runLayer(layer: DenseLayer, x: Float64Array, y: Float64Array): void {
  const w = layer.weights, bias = layer.bias, n = layer.inputs, outputs = layer.outputs;
  const squash = layer.activation === 'tanh';
  const tail = n - (n % 4);
  for (let o = 0, row = 0; o < outputs; o += 1, row += n) {
    let a = 0, b = 0, c = 0, d = 0, i = 0;
    for (; i < tail; i += 4) {
      a += (w[row + i] as number) * (x[i] as number);
      b += (w[row + i + 1] as number) * (x[i + 1] as number);
      c += (w[row + i + 2] as number) * (x[i + 2] as number);
      d += (w[row + i + 3] as number) * (x[i + 3] as number);
    }
    for (; i < n; i += 1) a += (w[row + i] as number) * (x[i] as number);
    const sum = (bias[o] as number) + (a + b + (c + d));
    y[o] = squash ? tanh(sum) : sum;
  }
}

/**
 * A small multilayer perceptron evaluated in plain TypeScript (no TF.js in the core): a few
 * thousand multiply-adds, allocation-free after construction. Weights come from a training script
 * (scripts/train-head-regressor.ts) as DenseNetworkJson; this instance owns only its activations.
 */
export class DenseNetwork {
  readonly inputs: number;
  readonly outputs: number;
  private readonly weights: DenseWeights;
  /** Activations per layer (index 0: the standardised input). */
  private readonly buffers: Float64Array[];

  constructor(weights: DenseWeights | DenseNetworkJson) {
    this.weights = 'inputScale' in weights ? weights : denseWeights(weights);
    this.inputs = this.weights.inputs;
    this.outputs = this.weights.outputs;
    this.buffers = [new Float64Array(this.inputs), ...this.weights.layers.map((l) => new Float64Array(l.outputs))];
  }

  /** Evaluates the network on `input` (length `inputs`) into `out` (length `outputs`). */
  run(input: Float64Array, out: Float64Array): void {
    const { layers, inputMean: mean, inputScale: scale, outputScale } = this.weights;
    const buffers = this.buffers;
    const x0 = buffers[0] as Float64Array;
    for (let i = 0, n = this.inputs; i < n; i += 1) x0[i] = ((input[i] as number) - (mean[i] as number)) * (scale[i] as number);
    for (let l = 0; l < layers.length; l += 1) runLayer(layers[l] as DenseLayer, buffers[l] as Float64Array, buffers[l + 1] as Float64Array);
    const last = buffers[layers.length] as Float64Array;
    for (let o = 0, n = this.outputs; o < n; o += 1) out[o] = (last[o] as number) * outputScale;
  }
}
