import { tanh } from './tanh';

/** One fully connected layer: out = activation(W·in + b), W row-major [outputs × inputs]. */
export interface DenseLayer {
  readonly inputs: number;
  readonly outputs: number;
  readonly weights: Float64Array;
  readonly bias: Float64Array;
  readonly activation: 'tanh' | 'linear';
}

/** Outputs computed together: one read of each input feeds this many running sums. */
const BLOCK = 4;

/**
 * A layer laid out for its dot products: the rows of each block of BLOCK outputs interleaved,
 * blocked[(b·inputs + i)·BLOCK + j] = W[BLOCK·b + j][i], read front to back; the rows after the
 * last whole block stay in `weights`.
 */
interface LaidOutLayer extends DenseLayer {
  readonly blocks: number;
  readonly blocked: Float64Array;
}

function layOut(layer: DenseLayer): LaidOutLayer {
  const n = layer.inputs, blocks = Math.floor(layer.outputs / BLOCK);
  const blocked = new Float64Array(blocks * BLOCK * n);
  for (let b = 0; b < blocks; b += 1) {
    for (let i = 0; i < n; i += 1) for (let j = 0; j < BLOCK; j += 1) blocked[(b * n + i) * BLOCK + j] = layer.weights[(BLOCK * b + j) * n + i] as number;
  }
  return { ...layer, blocks, blocked };
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
  readonly layers: readonly LaidOutLayer[];
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
    return layOut({ inputs: layer.inputs, outputs: layer.outputs, activation: layer.activation, weights: Float64Array.from(layer.weights), bias: Float64Array.from(layer.bias) });
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
 * One layer into `y`. Four outputs at a time: each input is read once for four independent running
 * sums (one sum is a chain of dependent additions that waits on each add's latency), the weights
 * front to back. Everything the inner loop reads is in locals: property loads per multiply-add
 * tripled its cost.
 */
function runLayer(layer: LaidOutLayer, x: Float64Array, y: Float64Array): void {
  const w = layer.blocked, bias = layer.bias, n = layer.inputs, squash = layer.activation === 'tanh';
  for (let b = 0, p = 0; b < layer.blocks; b += 1) {
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    for (let i = 0; i < n; i += 1, p += BLOCK) {
      const xi = x[i] as number;
      a0 += (w[p] as number) * xi;
      a1 += (w[p + 1] as number) * xi;
      a2 += (w[p + 2] as number) * xi;
      a3 += (w[p + 3] as number) * xi;
    }
    const o = BLOCK * b;
    const s0 = (bias[o] as number) + a0, s1 = (bias[o + 1] as number) + a1, s2 = (bias[o + 2] as number) + a2, s3 = (bias[o + 3] as number) + a3;
    y[o] = squash ? tanh(s0) : s0;
    y[o + 1] = squash ? tanh(s1) : s1;
    y[o + 2] = squash ? tanh(s2) : s2;
    y[o + 3] = squash ? tanh(s3) : s3;
  }
  const rows = layer.weights;
  for (let o = BLOCK * layer.blocks; o < layer.outputs; o += 1) {
    let a = 0;
    for (let i = 0, row = o * n; i < n; i += 1) a += (rows[row + i] as number) * (x[i] as number);
    const sum = (bias[o] as number) + a;
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
    for (let l = 0; l < layers.length; l += 1) runLayer(layers[l] as LaidOutLayer, buffers[l] as Float64Array, buffers[l + 1] as Float64Array);
    const last = buffers[layers.length] as Float64Array;
    for (let o = 0, n = this.outputs; o < n; o += 1) out[o] = (last[o] as number) * outputScale;
  }
}
