/**
 * `npm run train:head-regressor -- --data DIR [--hold-out ID,ID] [--epochs N] [--out FILE]`
 * Trains the learned head-pose regression (src/core/head-pose/regression) on rendered clips:
 * each `<id>.trace.jsonl` in DIR (written by `npm run analyze -- --trace`) against its
 * `<id>.truth.json` (the renderer's exact angles). Every frame is used twice, as rendered and
 * mirrored. A small MLP (TF.js, CPU, seeded, deterministic batches) maps BlazePose's head points to
 * the head's yaw, pitch and roll relative to the camera. Prints train and hold-out MAE per axis and
 * writes the weights as DenseNetworkJson (default: src/core/head-pose/regression/pose-head-regressor.json).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { DenseNetworkJson } from '../src/core/head-pose/regression/dense-network';
import { POSE_HEAD_FEATURE_COUNT } from '../src/core/head-pose/regression/pose-head-features';
import { clipExamples, type TrainingExample } from './head-regressor/training-set';
import { seededRandom } from '../tools/synthetic/seeded-random';

const OUTPUT_SCALE_DEG = 90;
const HIDDEN = [32, 32];
const DEFAULT_OUT = 'src/core/head-pose/regression/pose-head-regressor.json';

interface Args {
  readonly dirs: readonly string[];
  readonly holdOut: readonly string[];
  readonly epochs: number;
  readonly out: string;
  readonly noiseStd: number;
}

function parseArgs(argv: readonly string[]): Args {
  const dirs: string[] = [];
  let holdOut: string[] = [];
  let epochs = 300;
  let out = DEFAULT_OUT;
  let noiseStd = 0.03;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--data') dirs.push(argv[++i] ?? '');
    else if (arg === '--hold-out') holdOut = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg === '--epochs') epochs = Number(argv[++i]);
    else if (arg === '--out') out = argv[++i] ?? out;
    else if (arg === '--noise') noiseStd = Number(argv[++i]);
    else throw new Error(`unknown argument ${arg}`);
  }
  if (dirs.length === 0) throw new Error('usage: npm run train:head-regressor -- --data DIR [--hold-out ID,ID] [--epochs N] [--out FILE]');
  return { dirs, holdOut, epochs, out, noiseStd };
}

function loadExamples(dirs: readonly string[]): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (const dir of dirs) {
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.trace.jsonl')) continue;
      examples.push(...clipExamples(dir, file.slice(0, -'.trace.jsonl'.length), true));
    }
  }
  return examples;
}

function standardisation(examples: readonly TrainingExample[]): { mean: number[]; std: number[] } {
  const mean = new Array<number>(POSE_HEAD_FEATURE_COUNT).fill(0);
  const std = new Array<number>(POSE_HEAD_FEATURE_COUNT).fill(0);
  for (const e of examples) e.features.forEach((v, k) => (mean[k] = (mean[k] as number) + v / examples.length));
  for (const e of examples) e.features.forEach((v, k) => (std[k] = (std[k] as number) + (v - (mean[k] as number)) ** 2 / examples.length));
  return { mean, std: std.map((v) => Math.sqrt(v)) };
}

function tensors(examples: readonly TrainingExample[], mean: readonly number[], std: readonly number[]): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const x = new Float32Array(examples.length * POSE_HEAD_FEATURE_COUNT);
  const y = new Float32Array(examples.length * 3);
  examples.forEach((e, i) => {
    e.features.forEach((v, k) => (x[i * POSE_HEAD_FEATURE_COUNT + k] = (std[k] as number) > 1e-9 ? (v - (mean[k] as number)) / (std[k] as number) : 0));
    y[i * 3] = e.truth.yawDeg / OUTPUT_SCALE_DEG;
    y[i * 3 + 1] = e.truth.pitchDeg / OUTPUT_SCALE_DEG;
    y[i * 3 + 2] = e.truth.rollDeg / OUTPUT_SCALE_DEG;
  });
  return { x: tf.tensor2d(x, [examples.length, POSE_HEAD_FEATURE_COUNT]), y: tf.tensor2d(y, [examples.length, 3]) };
}

function buildModel(): tf.Sequential {
  const model = tf.sequential();
  let seed = 1;
  HIDDEN.forEach((units, i) => {
    model.add(tf.layers.dense({ units, activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: seed++ }), ...(i === 0 ? { inputShape: [POSE_HEAD_FEATURE_COUNT] } : {}) }));
  });
  model.add(tf.layers.dense({ units: 3, activation: 'linear', kernelInitializer: tf.initializers.glorotUniform({ seed: seed++ }) }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'meanSquaredError' });
  return model;
}

function meanAbsoluteErrorDeg(model: tf.Sequential, x: tf.Tensor2D, y: tf.Tensor2D): number[] {
  return tf.tidy(() => {
    const predicted = model.predict(x) as tf.Tensor2D;
    return Array.from(predicted.sub(y).abs().mean(0).mul(OUTPUT_SCALE_DEG).dataSync());
  });
}

function toJson(model: tf.Sequential, mean: readonly number[], std: readonly number[]): DenseNetworkJson {
  const layers = model.layers.map((layer) => {
    const [kernel, bias] = layer.getWeights() as [tf.Tensor2D, tf.Tensor1D];
    const [inputs, outputs] = kernel.shape;
    // TF.js kernels are [inputs × outputs]; DenseNetwork wants rows per output.
    const weights = Array.from(kernel.transpose().dataSync(), (v) => Number(v.toPrecision(7)));
    const config = layer.getConfig() as { activation?: string };
    return { inputs, outputs, weights, bias: Array.from(bias.dataSync(), (v) => Number(v.toPrecision(7))), activation: config.activation === 'tanh' ? ('tanh' as const) : ('linear' as const) };
  });
  return { layers, inputMean: mean.map((v) => Number(v.toPrecision(7))), inputStd: std.map((v) => Number(v.toPrecision(7))), outputScale: OUTPUT_SCALE_DEG };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  await tf.setBackend('cpu');
  const all = loadExamples(args.dirs);
  const train = all.filter((e) => !args.holdOut.includes(e.clip));
  const held = all.filter((e) => args.holdOut.includes(e.clip));
  if (train.length === 0) throw new Error('no training frames found (traces next to truth files?)');
  process.stdout.write(`frames: ${train.length} for training (mirrored included), ${held.length} held out\n`);
  const { mean, std } = standardisation(train);
  const trainSet = tensors(train, mean, std);
  const heldSet = held.length > 0 ? tensors(held, mean, std) : null;
  const model = buildModel();
  const random = seededRandom(7);
  const batch = 256;
  const order = Array.from({ length: train.length }, (_, i) => i);
  for (let epoch = 1; epoch <= args.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (let start = 0; start < order.length; start += batch) {
      const indices = tf.tensor1d(order.slice(start, start + batch), 'int32');
      const [bx, by] = tf.tidy(() => {
        const x = trainSet.x.gather(indices);
        const noise = tf.randomNormal(x.shape, 0, args.noiseStd, 'float32', epoch * 100_003 + start);
        return [x.add(noise), trainSet.y.gather(indices)];
      });
      await model.trainOnBatch(bx, by);
      tf.dispose([indices, bx, by]);
    }
    if (epoch % 25 === 0 || epoch === args.epochs) {
      const trainMae = meanAbsoluteErrorDeg(model, trainSet.x, trainSet.y).map((v) => v.toFixed(2));
      const heldMae = heldSet ? meanAbsoluteErrorDeg(model, heldSet.x, heldSet.y).map((v) => v.toFixed(2)) : null;
      process.stdout.write(`epoch ${epoch}: train MAE yaw/pitch/roll ${trainMae.join(' / ')}${heldMae ? `; held out ${heldMae.join(' / ')}` : ''}\n`);
    }
  }
  writeFileSync(path.resolve(args.out), `${JSON.stringify(toJson(model, mean, std))}\n`);
  process.stdout.write(`weights → ${args.out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`train:head-regressor: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
