import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DenseNetwork, type DenseNetworkJson } from '../../../../../src/core/head-pose/regression/dense-network';

const TWO_LAYERS: DenseNetworkJson = {
  layers: [
    { inputs: 2, outputs: 2, weights: [1, -2, 0.5, 3], bias: [0.1, -0.2], activation: 'tanh' },
    { inputs: 2, outputs: 1, weights: [2, -1], bias: [0.3], activation: 'linear' },
  ],
  inputMean: [1, -1],
  inputStd: [2, 0.5],
  outputScale: 90,
};

/** The same network written out by hand. */
function byHand(a: number, b: number): number {
  const x0 = (a - 1) / 2, x1 = (b + 1) / 0.5;
  const h0 = Math.tanh(1 * x0 - 2 * x1 + 0.1);
  const h1 = Math.tanh(0.5 * x0 + 3 * x1 - 0.2);
  return (2 * h0 - h1 + 0.3) * 90;
}

describe('DenseNetwork', () => {
  it('computes standardise → dense tanh → dense linear → scale', () => {
    const network = new DenseNetwork(TWO_LAYERS);
    const out = new Float64Array(1);
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), (a, b) => {
        network.run(Float64Array.of(a, b), out);
        expect(out[0]).toBeCloseTo(byHand(a, b), 9);
      }),
    );
  });

  it('gives the plain matrix product where outputs are computed in blocks (9 outputs: a block of eight and one padded with zero rows)', () => {
    const random = (k: number): number => Math.sin(k * 12.9898) * 0.8;
    const json: DenseNetworkJson = {
      layers: [
        { inputs: 6, outputs: 9, weights: Array.from({ length: 54 }, (_, k) => random(k)), bias: Array.from({ length: 9 }, (_, k) => random(100 + k)), activation: 'tanh' },
        { inputs: 9, outputs: 5, weights: Array.from({ length: 45 }, (_, k) => random(200 + k)), bias: Array.from({ length: 5 }, (_, k) => random(300 + k)), activation: 'linear' },
      ],
      inputMean: Array.from({ length: 6 }, (_, k) => random(400 + k)),
      inputStd: [1, 2, 0.5, 3, 1.5, 1],
      outputScale: 90,
    };
    const plain = (input: readonly number[]): number[] => {
      let x = input.map((v, i) => (v - (json.inputMean[i] ?? 0)) / (json.inputStd[i] ?? 1));
      for (const layer of json.layers) {
        x = Array.from({ length: layer.outputs }, (_, o) => {
          const sum = (layer.bias[o] ?? 0) + x.reduce((s, v, i) => s + (layer.weights[o * layer.inputs + i] ?? 0) * v, 0);
          return layer.activation === 'tanh' ? Math.tanh(sum) : sum;
        });
      }
      return x.map((v) => v * json.outputScale);
    };
    const network = new DenseNetwork(json);
    const out = new Float64Array(5);
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 6, maxLength: 6 }), (input) => {
        network.run(Float64Array.from(input), out);
        plain(input).forEach((expected, o) => expect(Math.abs((out[o] ?? Number.NaN) - expected)).toBeLessThan(1e-11));
      }),
    );
  });

  it('refuses weights that do not fit their shapes', () => {
    const firstLayer = TWO_LAYERS.layers[0] as DenseNetworkJson['layers'][number];
    expect(() => new DenseNetwork({ ...TWO_LAYERS, layers: [{ ...firstLayer, weights: [1, 2, 3] }] })).toThrow(/weights/);
    expect(() => new DenseNetwork({ ...TWO_LAYERS, inputMean: [0] })).toThrow(/standardisation/);
    expect(() => new DenseNetwork({ ...TWO_LAYERS, layers: [] })).toThrow(/at least one layer/);
  });

  it('runs a network larger than one page of WebAssembly memory, and two networks apart', () => {
    const width = 120;
    const wide: DenseNetworkJson = {
      layers: [
        { inputs: width, outputs: width, weights: Array.from({ length: width * width }, (_, k) => Math.sin(k) / width), bias: Array.from({ length: width }, (_, k) => Math.cos(k)), activation: 'tanh' },
        { inputs: width, outputs: 3, weights: Array.from({ length: 3 * width }, (_, k) => Math.cos(k) / width), bias: [0, 0.5, -0.5], activation: 'linear' },
      ],
      inputMean: Array.from({ length: width }, () => 0),
      inputStd: Array.from({ length: width }, () => 1),
      outputScale: 1,
    };
    const input = Float64Array.from({ length: width }, (_, i) => Math.sin(3 * i));
    const hidden = Array.from({ length: width }, (_, o) => Math.tanh((wide.layers[0]?.bias[o] ?? 0) + input.reduce((s, v, i) => s + (wide.layers[0]?.weights[o * width + i] ?? 0) * v, 0)));
    const expected = [0, 1, 2].map((o) => (wide.layers[1]?.bias[o] ?? 0) + hidden.reduce((s, v, i) => s + (wide.layers[1]?.weights[o * width + i] ?? 0) * v, 0));
    const big = new DenseNetwork(wide);
    const small = new DenseNetwork(TWO_LAYERS);
    const out = new Float64Array(3), smallOut = new Float64Array(1);
    big.run(input, out);
    small.run(Float64Array.of(0.3, -0.7), smallOut);
    expected.forEach((value, o) => expect(Math.abs((out[o] ?? Number.NaN) - value)).toBeLessThan(1e-12));
    expect(smallOut[0]).toBeCloseTo(byHand(0.3, -0.7), 9);
  });
});
