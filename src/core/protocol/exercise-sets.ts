import type { ExerciseSet } from './exercise-definition';

/** The four sets of the protocol, with the exacerbation locks and the words behind them. */
export const EXERCISE_SETS: readonly ExerciseSet[] = [
  {
    id: 'simple-a',
    title: { en: 'Simple series A: warm-up', ru: 'Простая серия A: разминка' },
    lockedInExacerbation: true,
    lockQuote: 'The first complex is prohibited during exacerbation of the disease.',
    lockReading: {
      en: 'Said after the simple series, this sentence is ambiguous. The safe reading locks the large-amplitude warm-up (turns to 90°, full flexion and extension) during an exacerbation as well.',
      ru: 'Эта фраза стоит после простой серии и неоднозначна. Безопасное прочтение: во время обострения блокируется и разминка с большой амплитудой (повороты до 90°, полный наклон вперёд и назад).',
    },
    exerciseIds: ['head-turns', 'chin-to-chest', 'head-back'],
  },
  {
    id: 'simple-b',
    title: { en: 'Simple series B: prevention and treatment', ru: 'Простая серия B: профилактика и лечение' },
    lockedInExacerbation: false,
    lockQuote:
      'Cases where the described series of exercises are used: prevention of osteochondrosis, initial stage of the disease, neglected conditions.',
    lockReading: null,
    exerciseIds: [
      'palm-forehead-press',
      'palm-temple-press',
      'shoulder-shrug-hold',
      'arms-out-head-turns',
      'neck-self-massage',
      'yes-nods',
      'no-shakes',
    ],
  },
  {
    id: 'complex-1',
    title: { en: 'Complicated series: first complex', ru: 'Сложная серия: первый комплекс' },
    lockedInExacerbation: true,
    lockQuote:
      'This series of exercises should not be performed during exacerbation of the disease, it is only allowed during remission.',
    lockReading: null,
    exerciseIds: [
      'supine-breathing',
      'supine-rise-neck-stretch',
      'prone-ear-to-floor',
      'seated-chin-press',
      'head-circles',
    ],
  },
  {
    id: 'complex-2',
    title: { en: 'Complicated series: second complex', ru: 'Сложная серия: второй комплекс' },
    lockedInExacerbation: false,
    lockQuote: 'The second complex exacerbation can also be performed',
    lockReading: null,
    exerciseIds: [
      'shoulder-circles',
      'arms-flex-extend',
      'double-palm-forehead-press',
      'hands-behind-head-press',
      'shoulders-forward-back',
      'supine-neck-raise-hold',
      'assisted-lateral-stretch',
    ],
  },
];
