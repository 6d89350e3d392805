// Issue 9: `exercises show` gives the person's own current dose beside the library default, and
// says when (and why) an exercise is not for them; "per side" wherever it applies.
import { describe, expect, it } from 'vitest';
import { run, runJson, tempHome } from './helpers/cli';
import { flat, homeWithIntake, START, today, usualAnswers } from './helpers/coach';

describe('painfit exercises show', () => {
  it('with no intake: the library default only', () => {
    const home = tempHome('painfit-show-');
    const r = run(['exercises', 'show', 'clamshell'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(flat(r.stdout)).toContain('Start with 1 × 10 per side at effort 2/10 (light) (library default)');
    expect(r.stdout).not.toContain('Your dose');
  });

  it("an exercise in the plan: the person's own dose as today shows it, per side", () => {
    const home = homeWithIntake(usualAnswers());
    const day = today(home, START);
    const planned = day.exercises.find((e) => e.type === 'strength' && e.perSide) ?? day.exercises.find((e) => e.type === 'strength')!;
    const { code, json } = runJson(['exercises', 'show', planned.id, '--date', START], { home });
    expect(code).toBe(0);
    const you = (json as { you: { dose: { sets?: number; reps?: number; perSide: boolean }; notForYou: string | null } }).you;
    expect(you.dose).toMatchObject({ sets: planned.sets, reps: planned.reps, perSide: planned.perSide });
    expect(you.notForYou).toBeNull();
    const text = run(['exercises', 'show', planned.id, '--date', START], { home });
    expect(flat(text.stdout)).toMatch(new RegExp(`Your dose ${planned.sets} × ${planned.reps}${planned.perSide ? ' per side' : ''}`));
  });

  it('an exercise the person may not do: not in the plan, and the reason (kneeling with knee pain)', () => {
    const home = homeWithIntake(usualAnswers()); // knee and low-back pain
    const r = run(['exercises', 'show', 'bird-dog', '--date', START], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(flat(r.stdout)).toContain('Your dose not in your plan for the next seven days');
    expect(flat(r.stdout)).toContain('Not for you Bird-dog puts weight through your knees');
  });
});
