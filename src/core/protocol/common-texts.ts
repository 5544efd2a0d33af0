import type { LocalizedText } from './localized-text';

/** Safety lines shared by many exercises (the protocol's general rules). */
export const SMOOTHLY: LocalizedText = {
  en: 'Move smoothly and carefully: a jerky or fast move can pinch a nerve or shift a vertebra.',
  ru: 'Двигайтесь плавно и осторожно: резкое или быстрое движение может защемить нерв или сместить позвонок.',
};

export const SHALLOW_FIRST: LocalizedText = {
  en: 'If the full range hurts or is out of reach, start shallow: the range grows with practice.',
  ru: 'Если полная амплитуда болезненна или недоступна, начните с малой: она будет расти с практикой.',
};

export const STOP_ON_PAIN: LocalizedText = {
  en: 'Stop if you feel sharp pain, dizziness or numbness.',
  ru: 'Остановитесь при резкой боли, головокружении или онемении.',
};

export const NO_SHARP_PRESS: LocalizedText = {
  en: 'Press without sharp movements; the head stays still.',
  ru: 'Давите без резких движений; голова остаётся неподвижной.',
};

export const GENERAL_DOSE_READING: LocalizedText = {
  en: 'The dose follows the general rule of the protocol: 7–20 repetitions per exercise.',
  ru: 'Дозировка по общему правилу методики: 7–20 повторений каждого упражнения.',
};
