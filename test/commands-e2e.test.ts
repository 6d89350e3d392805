// painfit today / plan / exercises / swap and `painfit` alone, end to end on a real SQLite file:
// the `today --json` contract for session, rest, flare and stop days, text output, the week plan,
// the library browser, swaps stored as facts, and every refusal (exit 2 or 3, nothing written).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decideSwap } from '../src/domain/swap';
import type { Session } from '../src/domain/session';
import { renderWeek } from '../src/ui/plan';
import { makeTheme } from '../src/ui/theme';
import { dbHash, query, run, runJson, tempHome } from './helpers/cli';
import {
  addDays,
  BY_ID,
  type Day,
  DISCLAIMER_LINE,
  expectContract,
  flat,
  homeWithIntake,
  LIBRARY,
  log,
  PAIN_RULE_LINE,
  sessionDays,
  START,
  today,
  usualAnswers,
} from './helpers/coach';

const [MON, WED] = sessionDays(1) as [string, string, string];
const TUE = addDays(MON, 1);

describe('today --json: design.md contract, field by field', () => {
  let home: string;
  let stopHome: string;
  beforeAll(() => {
    home = homeWithIntake(usualAnswers());
    stopHome = homeWithIntake(usualAnswers((a) => (a.redFlags.saddleNumbness = true)));
  });

  it('a session day', () => {
    const day = today(home, MON);
    expectContract(day, MON);
    expect(day).toMatchObject({ status: 'session', week: 1 });
    expect(day.minutes).toBeGreaterThan(0);
    expect(day.minutes).toBeLessThanOrEqual(30);
    expect(day.exercises.length).toBeGreaterThanOrEqual(3);
    // Flexibility every session (issue 3 §2), and the pain rules in the notes.
    expect(day.exercises.some((e) => e.type === 'flexibility')).toBe(true);
    expect(day.notes.join('\n')).toContain(PAIN_RULE_LINE);
    expect(day.notes).toContain(DISCLAIMER_LINE);
    // Warm-up → main → cool-down: nothing from the library's cool-down comes before its warm-up.
    const phases = day.exercises.map((e) => BY_ID.get(e.id)!.phase);
    const order = { 'warm-up': 0, main: 1, 'cool-down': 2 } as const;
    expect(phases.map((p) => order[p])).toEqual([...phases.map((p) => order[p])].sort((a, b) => a - b));
  });

  it('a rest day: status rest, 0 minutes, at most an optional gentle extra', () => {
    const day = today(home, TUE);
    expectContract(day, TUE);
    expect(day).toMatchObject({ status: 'rest', week: 1, minutes: 0 });
    expect(day.exercises.length).toBeLessThanOrEqual(1);
    for (const e of day.exercises) {
      expect(e.optional).toBe(true);
      expect(['cardio', 'mind-body']).toContain(e.type);
      expect(e.effort).toBeLessThanOrEqual(2);
    }
    expect(day.notes.join('\n')).toContain('Today is a rest day');
    expect(day.notes).toContain(DISCLAIMER_LINE);
  });

  it('a flare day: status flare, lighter, with the reason', () => {
    const h = homeWithIntake(usualAnswers());
    log(h, TUE, { pain: 8 }); // intake average 4 → 8 is a flare (§5)
    const usual = today(home, WED);
    const day = today(h, WED);
    expectContract(day, WED);
    expect(day).toMatchObject({ status: 'flare', week: 1 });
    expect(day.exercises.length).toBeGreaterThan(0);
    expect(day.minutes).toBeLessThan(usual.minutes);
    expect(day.notes[0]).toBe('Your pain was 8 yesterday, well above your usual 4, so today is still a lighter flare-day session.');
  });

  it('a stop day: status stop, no exercises, exit 3, the referral in notes and an error on stderr', () => {
    const r = run(['today', '--json', '--date', MON], { home: stopHome });
    expect(r.code).toBe(3);
    const day = JSON.parse(r.stdout) as Day;
    expectContract(day, MON);
    expect(day).toMatchObject({ status: 'stop', week: 1, minutes: 0, exercises: [] });
    expect(day.notes.join('\n')).toMatch(/emergency/i);
    expect(JSON.parse(r.stderr)).toMatchObject({ error: { code: 'SAFETY_STOP' } });
  });

  it('--date previews a future day (today may look ahead; only log may not)', () => {
    const future = '2027-03-01';
    const day = today(home, future);
    expectContract(day, future);
    expect(day.week).toBe(Math.floor((Date.UTC(2027, 2, 1) - Date.UTC(2026, 0, 5)) / 86_400_000 / 7) + 1);
  });
});

describe('today as text', () => {
  let home: string;
  beforeAll(() => {
    home = homeWithIntake(usualAnswers());
  });

  it('a session day shows the date, week, focus, every exercise id, total minutes, the 5/10 rule and the disclaimer', () => {
    const r = run(['today', '--date', MON], { home });
    expect(r.code, r.stderr).toBe(0);
    const day = today(home, MON);
    const text = flat(r.stdout);
    expect(text).toContain('Mon 5 Jan 2026 · week 1');
    expect(text).toContain(`Today: ${day.focus}`);
    for (const e of day.exercises) expect(text).toContain(e.id);
    expect(text).toContain(`About ${day.minutes} minutes in total.`);
    expect(text).toContain(PAIN_RULE_LINE);
    expect(text).toContain(DISCLAIMER_LINE);
    expect(r.stdout).not.toMatch(/\x1b\[/); // NO_COLOR
  });

  it('a rest day shows the rest screen and the disclaimer', () => {
    const r = run(['today', '--date', TUE], { home });
    expect(r.code).toBe(0);
    expect(flat(r.stdout)).toContain('Rest day.');
    expect(flat(r.stdout)).toContain(DISCLAIMER_LINE);
  });
});

describe('painfit with no command runs today', () => {
  it('same output and exit code as painfit today, on a session day', () => {
    const home = homeWithIntake(usualAnswers());
    const a = run(['--date', MON], { home });
    const b = run(['today', '--date', MON], { home });
    expect(a.code).toBe(0);
    expect(a).toEqual(b);
    const j1 = run(['--date', WED, '--json'], { home });
    const j2 = run(['today', '--date', WED, '--json'], { home });
    expect(j1).toEqual(j2);
  });

  it('same output and exit 3 on a safety stop', () => {
    const home = homeWithIntake(usualAnswers((a) => (a.redFlags.legWeakness = true)));
    const a = run(['--date', MON], { home });
    const b = run(['today', '--date', MON], { home });
    expect(a.code).toBe(3);
    expect(a).toEqual(b);
  });
});

describe('plan', () => {
  let home: string;
  beforeAll(() => {
    home = homeWithIntake(usualAnswers());
  });

  it('plan --json has 7 consecutive days, each the same as today --json for that day', () => {
    const { code, json } = runJson(['plan', '--date', MON], { home });
    expect(code).toBe(0);
    expect(json.days).toHaveLength(7);
    const days = json.days as Day[];
    days.forEach((d, k) => expectContract(d, addDays(MON, k)));
    expect(days.map((d) => d.status)).toEqual(['session', 'rest', 'session', 'rest', 'session', 'rest', 'rest']);
    for (const d of days) expect(d).toEqual(today(home, d.date));
    // Varied across the week: not the same list every session day.
    const lists = days.filter((d) => d.status === 'session').map((d) => d.exercises.map((e) => e.id).join(','));
    expect(new Set(lists).size).toBeGreaterThan(1);
  });

  it('plan --json from a mid-week date still covers 7 days', () => {
    const { code, json } = runJson(['plan', '--date', WED], { home });
    expect(code).toBe(0);
    expect((json.days as Day[]).map((d) => d.date)).toEqual(Array.from({ length: 7 }, (_, k) => addDays(WED, k)));
  });

  it('plan as text lists the week and carries the disclaimer', () => {
    const r = run(['plan', '--date', MON], { home });
    expect(r.code, r.stderr).toBe(0);
    const text = flat(r.stdout);
    expect(text).toContain('Your week');
    expect(text).toContain('3 sessions a week of about 30 minutes.');
    expect(text).toContain(DISCLAIMER_LINE);
  });
});

describe('exercises', () => {
  it('--type and --region filter the library (JSON)', () => {
    const { code, json } = runJson(['exercises', '--type', 'strength', '--region', 'knee']);
    expect(code).toBe(0);
    const list = json.exercises as { id: string; type: string; regions: string[] }[];
    const expected = LIBRARY.filter((e) => e.type === 'strength' && e.regions.includes('knee')).map((e) => e.id);
    expect(list.map((e) => e.id).sort()).toEqual([...expected].sort());
    expect(list.length).toBeGreaterThan(1);
  });

  it('a text filter matches id, name or purpose', () => {
    const { code, json } = runJson(['exercises', 'walk']);
    expect(code).toBe(0);
    const ids = (json.exercises as { id: string }[]).map((e) => e.id);
    expect(ids).toContain('easy-walk');
    for (const id of ids) {
      const e = BY_ID.get(id)!;
      expect(`${e.id} ${e.name} ${e.purpose}`.toLowerCase()).toContain('walk');
    }
  });

  it('the text list shows every id in full, so it can be copied into show, swap or log --done', () => {
    const r = run(['exercises']);
    expect(r.code).toBe(0);
    const missing = LIBRARY.map((e) => e.id).filter((id) => !r.stdout.includes(id));
    expect(missing, 'ids cut short in the table').toEqual([]);
  });

  it('show ID prints the exercise with its ladder and cautions', () => {
    const r = run(['exercises', 'show', 'sit-to-stand']);
    expect(r.code, r.stderr).toBe(0);
    const text = flat(r.stdout);
    expect(text).toContain('Sit-to-stand');
    expect(text).toContain('Ladder (easier → harder)');
    expect(text).toContain(`${BY_ID.get('sit-to-stand-high-chair')!.name} → [Sit-to-stand] → ${BY_ID.get('sit-to-stand-slow-lower')!.name}`);
    const curl = run(['exercises', 'show', 'curl-up']);
    expect(curl.code).toBe(0);
    expect(flat(curl.stdout)).toContain('Take care');
    expect(flat(curl.stdout)).toContain('skip it if you have thinning bones');
  });

  it('--type nope → exit 2 listing the types', () => {
    const r = run(['exercises', '--type', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--type "nope" is not a type of exercise; use one of cardio, strength, flexibility, mind-body, balance.');
  });

  it('--region nope → exit 2 listing the regions', () => {
    const r = run(['exercises', '--region', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--region "nope" is not a body region; use one of neck, shoulder, upper-back, low-back, hip, knee, ankle-foot, wrist-hand, widespread.');
  });

  it('show no-such-id → exit 2, names the id and where to find every id', () => {
    const r = run(['exercises', 'show', 'no-such-id']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('there is no exercise with the id "no-such-id".');
    expect(r.stderr).toContain('painfit exercises lists every id');
  });

  it('show with a misspelt id suggests the close ids', () => {
    for (const [typo, meant] of [
      ['sit-to-stnd', 'sit-to-stand'],
      ['clamshel', 'clamshell'],
      ['brdige', 'bridge'], // two letters swapped
      ['wall-psuh-up', 'wall-push-up'],
    ] as const) {
      const r = run(['exercises', 'show', typo]);
      expect(r.code, typo).toBe(2);
      const suggested = /Did you mean: ([^?]+)\?/.exec(r.stderr)?.[1]?.split(', ') ?? [];
      expect(suggested, `${typo}: ${r.stderr}`).toContain(meant);
    }
  });
});

describe('swap', () => {
  let home: string;
  let noFloor: string;
  beforeAll(() => {
    home = homeWithIntake(usualAnswers());
    noFloor = homeWithIntake(
      usualAnswers((a) => {
        a.ability.floor = false;
        a.ability.osteoporosis = true;
        a.likes.equipment = ['band', 'chair'];
      }),
    );
  });

  const refusals: { name: string; home: () => string; args: string[]; message: string }[] = [
    {
      name: 'an unknown id',
      home: () => home,
      args: ['swap', 'no-such-id'],
      message: 'there is no exercise with the id "no-such-id".',
    },
    {
      name: 'an unknown --with id',
      home: () => home,
      args: ['swap', 'clamshell', '--with', 'no-such-id'],
      message: 'there is no exercise for --with with the id "no-such-id".',
    },
    {
      name: 'a different type',
      home: () => home,
      args: ['swap', 'easy-walk', '--with', 'clamshell'],
      message: 'cannot swap easy-walk for clamshell: A swap keeps the same kind of exercise: Easy walk is cardio and Clamshell is strength.',
    },
    {
      name: 'a floor exercise for someone who cannot get down to the floor',
      home: () => noFloor,
      args: ['swap', 'sit-to-stand-high-chair', '--with', 'bridge'],
      message: 'cannot swap sit-to-stand-high-chair for bridge: Bridge is done on the floor, and you said getting down to the floor and up again is hard.',
    },
    {
      name: 'a dumbbell exercise without dumbbells',
      home: () => noFloor,
      args: ['swap', 'sit-to-stand-high-chair', '--with', 'sit-to-stand-dumbbells'],
      message: 'cannot swap sit-to-stand-high-chair for sit-to-stand-dumbbells: Sit-to-stand holding dumbbells needs dumbbells, which you did not list.',
    },
    {
      name: 'a loaded-flexion exercise with osteoporosis',
      home: () => noFloor,
      args: ['swap', 'seated-figure-four', '--with', 'seated-spine-curl'],
      message: 'cannot swap seated-figure-four for seated-spine-curl: Seated arch and round bends or twists the back, under load or as far as it goes, which is not advised with thinning bones.',
    },
    {
      name: 'a high-impact exercise',
      home: () => home,
      args: ['swap', 'easy-walk', '--with', 'jog-on-the-spot'],
      message: 'cannot swap easy-walk for jog-on-the-spot:',
    },
    {
      name: 'the same exercise',
      home: () => home,
      args: ['swap', 'clamshell', '--with', 'clamshell'],
      message: 'That is the same exercise',
    },
    {
      name: 'an exercise that is not in the plan',
      home: () => home,
      args: ['swap', 'jog-on-the-spot'],
      message: 'Jog on the spot (jog-on-the-spot) is not in your plan for the next seven days, so there is nothing to swap.',
    },
    {
      name: 'an id that is not an id',
      home: () => home,
      args: ['swap', 'Clam Shell'],
      message: 'ID "Clam Shell" is not an exercise id',
    },
  ];

  for (const c of refusals) {
    it(`refuses ${c.name}: exit 2 with the reason, nothing written`, () => {
      const h = c.home();
      const before = dbHash(h);
      const r = run([...c.args, '--date', WED], { home: h });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(flat(r.stderr)).toContain(c.message);
      expect(dbHash(h)).toBe(before);
    });
  }

  it('the library really holds the exercises the refusals name (sanity check)', () => {
    expect(BY_ID.get('bridge')!.position).toBe('floor');
    expect(BY_ID.get('sit-to-stand-dumbbells')!.equipment).toContain('dumbbells');
    expect(BY_ID.get('seated-spine-curl')!.cautions).toContain('loaded-flexion');
    expect(BY_ID.get('seated-spine-curl')!.type).toBe(BY_ID.get('seated-figure-four')!.type);
    expect(BY_ID.get('sit-to-stand-dumbbells')!.type).toBe('strength');
  });

  it('swap by purpose: another purpose is refused with the reason (exit 2, nothing written); a caution is shown', () => {
    const h = homeWithIntake(usualAnswers());
    const monday = today(h, MON);
    const decide = (from: string, to: string) => decideSwap(from, to, { answers: usualAnswers() }, LIBRARY, { maxEffort: 3 });
    const from = monday.exercises.find((e) => e.type === 'strength')!;
    const other = LIBRARY.find((e) => e.type === 'strength' && (() => { const d = decide(from.id, e.id); return !d.ok && d.rule === 'purpose'; })())!;
    expect(other, 'a strength exercise of another purpose').toBeDefined();
    const before = dbHash(h);
    const refused = run(['swap', from.id, '--with', other.id, '--date', TUE], { home: h });
    expect(refused.code, refused.stderr).toBe(2);
    expect(flat(refused.stderr)).toContain('A swap keeps what the exercise is for');
    expect(dbHash(h)).toBe(before);

    const planned = monday.exercises.filter((e) => !e.optional);
    const pair = planned
      .flatMap((p) => LIBRARY.filter((e) => e.cautions.length > 0 && decide(p.id, e.id).ok).map((e) => ({ from: p.id, to: e })))[0];
    expect(pair, 'an allowed alternative that carries a caution').toBeDefined();
    const ok = run(['swap', pair!.from, '--with', pair!.to.id, '--date', TUE], { home: h });
    expect(ok.code, ok.stderr).toBe(0);
    expect(flat(ok.stderr)).toContain('Take care:');
  });

  it('a swap is stored as a fact, and later sessions honour it with swappedFrom', () => {
    const h = homeWithIntake(usualAnswers());
    const monday = today(h, MON);
    const from = monday.exercises.find((e) => e.type === 'strength')!;
    const week2 = sessionDays(2)[0]!;
    const before = today(h, week2);
    expect(before.exercises.map((e) => e.id)).toContain(from.id);

    // Pick a fitting exercise of the same type that is not already in that day's session. Since
    // issue 9 a swap must also keep the purpose (swap.ts decides), so ask the domain which fit.
    const candidates = LIBRARY.filter(
      (e) =>
        e.type === from.type &&
        e.position !== 'floor' &&
        e.equipment.length === 0 &&
        e.effort <= 3 &&
        e.cautions.length === 0 &&
        decideSwap(from.id, e.id, { answers: usualAnswers() }, LIBRARY, { maxEffort: 3 }).ok,
    ).map((e) => e.id);
    const withId = candidates.find((id) => !before.exercises.some((e) => e.id === id))!;
    expect(withId).toBeDefined();

    const { code, json } = runJson(['swap', from.id, '--with', withId, '--date', TUE], { home: h });
    expect(code).toBe(0);
    expect(json.swap).toMatchObject({ date: TUE, exerciseId: from.id, withId });
    expect(query(h, 'SELECT date, exercise_id, with_id FROM swaps')).toEqual([{ date: TUE, exercise_id: from.id, with_id: withId }]);

    const after = today(h, week2);
    const ids = after.exercises.map((e) => e.id);
    expect(ids).toContain(withId);
    expect(ids).not.toContain(from.id);
    const swapped = after.exercises.find((e) => e.id === withId)!;
    expect(swapped.swappedFrom).toBe(from.id);
    expect(swapped.type).toBe(from.type);
    expectContract(after, week2);
    // The days before the swap are unchanged.
    expect(today(h, MON)).toEqual(monday);
    // The week plan honours it too.
    const plan = runJson(['plan', '--date', week2], { home: h }).json.days as Day[];
    expect(plan[0]!.exercises.find((e) => e.id === withId)?.swappedFrom).toBe(from.id);
  });

  it('swapping a swapped-in exercise replaces the original, and swapping back to the original ends the swap', () => {
    const h = homeWithIntake(usualAnswers());
    const from = today(h, WED).exercises.find((e) => e.type === 'flexibility')!;
    const one = runJson(['swap', from.id, '--date', TUE], { home: h });
    expect(one.code, one.stderr).toBe(0);
    const first = one.json.swap.withId as string;
    // The plan now shows `first` in place of `from`; swapping `first` swaps the original.
    const r = runJson(['swap', first, '--date', TUE], { home: h });
    expect(r.code, r.stderr).toBe(0);
    const second = r.json.swap.withId as string;
    expect(r.json.swap.exerciseId).toBe(from.id);
    expect([from.id, first]).not.toContain(second);
    expect(today(h, WED).exercises.find((e) => e.id === second)?.swappedFrom).toBe(from.id);
    // And back to the original.
    const back = run(['swap', second, '--with', from.id, '--date', TUE], { home: h });
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toContain(`your plan uses ${from.name} (${from.id}) again`);
    const restored = today(h, WED).exercises.find((e) => e.id === from.id);
    expect(restored).toBeDefined();
    expect(restored!.swappedFrom).toBeUndefined();
  });

  it('swap ID without --with picks a fitting exercise of the same type, and says what changed', () => {
    const h = homeWithIntake(usualAnswers((a) => (a.ability.floor = false)));
    const wed = today(h, WED);
    const from = wed.exercises.find((e) => e.type === 'flexibility')!;
    const r = run(['swap', from.id, '--date', WED], { home: h });
    expect(r.code, r.stderr).toBe(0);
    const [row] = query<{ exercise_id: string; with_id: string; date: string }>(h, 'SELECT date, exercise_id, with_id FROM swaps');
    expect(row).toMatchObject({ date: WED, exercise_id: from.id });
    const to = BY_ID.get(row!.with_id)!;
    expect(to.type).toBe(from.type);
    expect(to.position).not.toBe('floor');
    expect(r.stdout).toContain(`From ${WED} on, ${to.name} (${to.id}) replaces ${from.name} (${from.id}) in your plan.`);
    const after = today(h, WED);
    expect(after.exercises.find((e) => e.id === to.id)?.swappedFrom).toBe(from.id);
  });
});

describe('no intake yet: exit 3 naming painfit intake, nothing created', () => {
  for (const args of [['today'], ['log', '--pain', '3'], ['plan'], ['swap', 'clamshell'], ['today', '--json']]) {
    it(`painfit ${args.join(' ')}`, () => {
      const home = tempHome();
      const r = run(args, { home });
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('painfit intake');
      expect(fs.existsSync(path.join(home, 'painfit.db'))).toBe(false);
    });
  }

  it('painfit alone, off a terminal, exits 3 naming painfit intake', () => {
    const home = tempHome();
    const r = run([], { home });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('painfit intake');
    expect(fs.existsSync(path.join(home, 'painfit.db'))).toBe(false);
  });

  it('a date before the first intake is treated as no intake', () => {
    const home = homeWithIntake(usualAnswers());
    const r = run(['today', '--date', addDays(START, -1)], { home });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('painfit intake');
  });
});



describe('plan says "per side" wherever it applies (issue 9, §4)', () => {
  it('every per-side exercise of the week is named with "(per side)" in the table, and no other', () => {
    const home = homeWithIntake(usualAnswers());
    const days = runJson(['plan', '--date', MON], { home }).json.days as (Day & { exercises: { name: string; perSide: boolean; optional?: boolean }[] })[];
    const shown = days.flatMap((d) => d.exercises.filter((e) => !e.optional));
    const sided = shown.filter((e) => e.perSide);
    expect(sided.length).toBeGreaterThan(0);
    // The same days rendered wide enough that no cell wraps, so each name is on one line.
    const text = renderWeek(days as unknown as Session[], usualAnswers(), makeTheme(0), 1000);
    expect(flat(run(['plan', '--date', MON], { home }).stdout)).toContain('(per side)');
    for (const e of sided) expect(text).toContain(`${e.name} (per side)`);
    for (const e of shown.filter((x) => !x.perSide)) expect(text).not.toContain(`${e.name} (per side)`);
  });
});
