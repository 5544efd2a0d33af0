import { describe, expect, it } from 'vitest';
import { POSE } from '../../../../src/core/pose-indices';
import { createLocalizer, type Language } from '../../../../src/i18n/localizer';
import { angleLines, modelsText, problemText, startingText } from '../../../../src/ui/live/live-texts';
import { POSE_BONES, isLeftSide } from '../../../../src/ui/live/pose-skeleton';

function translator(language: Language) {
  const values = new Map<string, string>([['atlas.language', language]]);
  const localizer = createLocalizer({ getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) }, []);
  return (key: string, options?: Readonly<Record<string, string | number>>): string => localizer.t(key, options);
}
const t = translator('en');

describe('angleLines', () => {
  it('words positive angles in the project convention (left turn, chin up, tilt to the left)', () => {
    const [yaw, pitch, roll] = angleLines({ yawDeg: 20, pitchDeg: 10, rollDeg: 15 }, t);
    expect(yaw).toMatchObject({ value: '+20.0°', direction: 'to your left' });
    expect(pitch).toMatchObject({ value: '+10.0°', direction: 'chin up' });
    expect(roll).toMatchObject({ value: '+15.0°', direction: 'toward your left shoulder' });
  });

  it('words negative angles the other way and leaves near-zero ones without a direction', () => {
    const [yaw, pitch, roll] = angleLines({ yawDeg: -30.04, pitchDeg: -12, rollDeg: 0.5 }, t);
    expect(yaw).toMatchObject({ value: '−30.0°', direction: 'to your right' });
    expect(pitch?.direction).toBe('chin down');
    expect(roll?.direction).toBe('');
  });

  it('speaks Russian too', () => {
    const [yaw, pitch] = angleLines({ yawDeg: 20, pitchDeg: -10, rollDeg: 0 }, translator('ru'));
    expect(yaw).toMatchObject({ label: 'Поворот', direction: 'влево' });
    expect(pitch?.direction).toBe('подбородок вниз');
  });
});

describe('startingText', () => {
  const progress = (loadedBytes: number, totalBytes: number | null) => ({
    loadedBytes,
    totalBytes,
    fraction: totalBytes === null ? null : loadedBytes / totalBytes,
    files: 2,
  });

  it('says what the wait is for: the first-run probe first, then the download, then preparing', () => {
    expect(startingText(progress(3 * 1024 * 1024, 10 * 1024 * 1024), true, t)).toMatch(/measuring how fast this computer/);
    expect(startingText(null, false, t)).toBe('Starting the camera and loading the models…');
    expect(startingText(progress(3 * 1024 * 1024, 10 * 1024 * 1024), false, t)).toBe('Loading the models… 30 % (3.0 of 10.0 MB)');
    expect(startingText(progress(1.5 * 1024 * 1024, null), false, t)).toBe('Loading the models… 1.5 MB');
    expect(startingText(progress(10, 10), false, t)).toBe('Preparing the analysis…');
    expect(startingText(progress(3 * 1024 * 1024, 10 * 1024 * 1024), false, translator('ru'))).toBe('Загрузка моделей… 30 % (3.0 из 10.0 МБ)');
  });
});

describe('modelsText', () => {
  it('names the backend and MediaPipe pose model that run', () => {
    expect(modelsText('mediapipe', 'full', t)).toBe('MediaPipe (body: full)');
    expect(modelsText('mediapipe', 'lite', translator('ru'))).toBe('MediaPipe (тело: облегчённая)');
    expect(modelsText('tfjs', null, t)).toBe('TF.js (BlazePose, FaceMesh)');
  });
});

describe('problemText', () => {
  it('gives camera problems their translated help and no technical detail', () => {
    const text = problemText({ code: 'camera-denied', message: 'NotAllowedError: Permission denied' }, translator('ru'));
    expect(text.title).toBe('Доступ к камере запрещён');
    expect(text.help).toMatch(/камер/);
    expect(text.detail).toBeNull();
  });

  it('keeps the technical message of an analysis problem under a translated headline and help', () => {
    const text = problemText({ code: 'model-invalid', url: '/models/pose_landmarker_lite.task', message: 'pose_landmarker_lite.task: checksum mismatch' }, t);
    expect(text.title).toBe('A landmark model is damaged');
    expect(text.help).toMatch(/clear this site’s data/);
    expect(text.detail).toBe('pose_landmarker_lite.task: checksum mismatch');
    expect(problemText({ code: 'worker', message: 'crashed' }, t).help).toMatch(/Try again/);
  });
});

describe('pose skeleton', () => {
  it('joins valid BlazePose indices only', () => {
    for (const [a, b] of POSE_BONES) {
      expect(a).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThanOrEqual(32);
      expect(a).not.toBe(b);
    }
  });

  it("tells the subject's left side from the right", () => {
    expect(isLeftSide(POSE.leftShoulder)).toBe(true);
    expect(isLeftSide(POSE.rightShoulder)).toBe(false);
    expect(isLeftSide(POSE.nose)).toBe(false);
  });
});
