import { denseKernel, KERNEL_BLOCK, KERNEL_TABLES_BYTES, type DenseKernel } from './dense-kernel';

/** One layer of DenseNetworkJson: out = activation(W·in + b), W row-major [outputs × inputs]. */
type JsonLayer = DenseNetworkJson['layers'][number];

/**
 * A layer laid out for dense-kernel.wat: the outputs in blocks of KERNEL_BLOCK (the last one padded
 * with zero rows), each block's rows interleaved, blocked[(b·inputs + i)·KERNEL_BLOCK + j] =
 * W[KERNEL_BLOCK·b + j][i], so that the kernel reads the weights front to back.
 */
interface LaidOutLayer {
  readonly inputs: number;
  readonly outputs: number;
  readonly activation: JsonLayer['activation'];
  readonly blocks: number;
  readonly blocked: Float64Array;
  /** The bias padded to blocks · KERNEL_BLOCK. */
  readonly paddedBias: Float64Array;
}

function layOut(layer: JsonLayer): LaidOutLayer {
  const n = layer.inputs, blocks = Math.ceil(layer.outputs / KERNEL_BLOCK);
  const blocked = new Float64Array(blocks * KERNEL_BLOCK * n);
  for (let o = 0; o < layer.outputs; o += 1) {
    const b = Math.floor(o / KERNEL_BLOCK), j = o % KERNEL_BLOCK;
    for (let i = 0; i < n; i += 1) blocked[(b * n + i) * KERNEL_BLOCK + j] = layer.weights[o * n + i] as number;
  }
  const paddedBias = new Float64Array(blocks * KERNEL_BLOCK);
  paddedBias.set(layer.bias);
  return { inputs: n, outputs: layer.outputs, activation: layer.activation, blocks, blocked, paddedBias };
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
    return layOut(layer);
  });
  const inputs = (layers[0] as LaidOutLayer).inputs;
  if (json.inputMean.length !== inputs || json.inputStd.length !== inputs) throw new Error('input standardisation does not match the first layer');
  return {
    inputs,
    outputs: (layers[layers.length - 1] as LaidOutLayer).outputs,
    layers,
    inputMean: Float64Array.from(json.inputMean),
    inputScale: Float64Array.from(json.inputStd, (s) => (s > 1e-9 ? 1 / s : 0)),
    outputScale: json.outputScale,
  };
}

/** Where one layer's numbers sit in the kernel's memory (byte addresses). */
interface LayerPlace {
  readonly weights: number;
  readonly bias: number;
  readonly x: number;
  readonly y: number;
  readonly inputs: number;
  readonly blocks: number;
  readonly squash: number;
}

/**
 * A small multilayer perceptron: the layers run in WebAssembly (dense-kernel.wat: two outputs per
 * SIMD pair, in double precision, each summed as the plain product sums it; a run takes about a
 * quarter of the time of the same loops in JavaScript, which were a quarter of the tracker's time
 * per frame: docs/performance.md). Weights come from a training script
 * (scripts/train-head-regressor.ts) as DenseNetworkJson; each instance owns a kernel instance
 * holding a copy of them and its activations.
 */
export class DenseNetwork {
  readonly inputs: number;
  readonly outputs: number;
  private readonly weights: DenseWeights;
  private readonly kernel: DenseKernel;
  private readonly places: readonly LayerPlace[];
  /** The standardised input and the last layer's outputs, in the kernel's memory. */
  private readonly input: Float64Array;
  private readonly output: Float64Array;

  constructor(weights: DenseWeights | DenseNetworkJson) {
    this.weights = 'inputScale' in weights ? weights : denseWeights(weights);
    this.inputs = this.weights.inputs;
    this.outputs = this.weights.outputs;
    // Memory map after the kernel's tables: every layer's weights and bias, then the activations
    // (the input, then each layer's padded outputs). All f64, so every address is 8-aligned.
    let at = KERNEL_TABLES_BYTES;
    const take = (values: number): number => {
      const start = at;
      at += 8 * values;
      return start;
    };
    const parameters = this.weights.layers.map((layer) => ({ weights: take(layer.blocked.length), bias: take(layer.paddedBias.length) }));
    const activations = [take(this.inputs), ...this.weights.layers.map((layer) => take(layer.paddedBias.length))];
    this.kernel = denseKernel(at);
    const memory = this.kernel.memory.buffer;
    this.places = this.weights.layers.map((layer, l) => {
      const place = parameters[l] as { weights: number; bias: number };
      new Float64Array(memory, place.weights, layer.blocked.length).set(layer.blocked);
      new Float64Array(memory, place.bias, layer.paddedBias.length).set(layer.paddedBias);
      return { ...place, x: activations[l] as number, y: activations[l + 1] as number, inputs: layer.inputs, blocks: layer.blocks, squash: layer.activation === 'tanh' ? 1 : 0 };
    });
    this.input = new Float64Array(memory, activations[0] as number, this.inputs);
    this.output = new Float64Array(memory, activations[activations.length - 1] as number, this.outputs);
  }

  /** Evaluates the network on `input` (length `inputs`) into `out` (length `outputs`). */
  run(input: Float64Array, out: Float64Array): void {
    const { inputMean: mean, inputScale: scale, outputScale } = this.weights;
    const x0 = this.input, dense = this.kernel.dense, places = this.places;
    for (let i = 0, n = this.inputs; i < n; i += 1) x0[i] = ((input[i] as number) - (mean[i] as number)) * (scale[i] as number);
    for (let l = 0; l < places.length; l += 1) {
      const p = places[l] as LayerPlace;
      dense(p.weights, p.bias, p.x, p.y, p.inputs, p.blocks, p.squash);
    }
    const last = this.output;
    for (let o = 0, n = this.outputs; o < n; o += 1) out[o] = (last[o] as number) * outputScale;
  }
}
