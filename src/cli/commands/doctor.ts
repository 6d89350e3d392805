// painfit doctor: what is stored where, whether it is intact, and what to do if it is not.
// It only looks: see src/store/doctor.ts.
import { EXIT, ExitWith } from '../../errors';
import { inspectDataFolder } from '../../store/doctor';
import { renderDoctorReport } from '../../ui/doctor';
import type { Context } from '../context';

export async function runDoctor(ctx: Context): Promise<void> {
  const report = inspectDataFolder(ctx.paths);
  ctx.out(ctx.json ? JSON.stringify(report, null, 2) : renderDoctorReport(report, ctx.theme, ctx.width));
  // The report above is the result; the problem goes to stderr as every other command says it.
  if (report.problem) throw new ExitWith(EXIT.failure, report.problem.code, report.problem.message);
}
