import { html, nothing, type TemplateResult } from 'lit';
import type { ExerciseCheckability } from '../../core/reps/exercise-checkability';

type Translate = (key: string, options?: Record<string, string | number>) => string;

/**
 * Said before an exercise the running models cannot check: what the camera cannot see, and what to
 * do (switch models, or do it guided: nothing is counted). Nothing when it can be checked.
 */
export function checkNotice(check: ExerciseCheckability | null, t: Translate): TemplateResult | typeof nothing {
  if (check === null || check.ok) return nothing;
  const missing = check.missing.map((capability) => t(`check.missing.${capability}`)).join(', ');
  return html`<p class="check-notice" role="alert" data-testid="cannot-check" data-advice=${check.advice}>
    ⚠ ${t('check.cannot', { missing })} ${t(`check.advice.${check.advice}`)}
  </p>`;
}
