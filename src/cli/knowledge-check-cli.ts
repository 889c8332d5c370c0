import { checkKnowledge } from '../knowledge/check-knowledge';
import { KnowledgeError, loadKnowledge } from '../knowledge/load-knowledge';

/**
 * `npm run knowledge:check [dir] [--strict]`: validates the pack and reports what the matcher makes of it.
 * Exit 1 on errors (or on warnings with --strict), else 0.
 */
function main(): void {
  const args = process.argv.slice(2);
  const strict = args.includes('--strict');
  const dir = args.find((a) => !a.startsWith('--')) ?? process.env.KNOWLEDGE_DIR ?? 'knowledge';
  let findings: ReturnType<typeof checkKnowledge>;
  try {
    findings = checkKnowledge(loadKnowledge(dir));
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  for (const f of findings) console.log(`${f.level}: ${f.where}: ${f.message}`);
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.length - errors;
  console.log(`knowledge:check ${dir}: ${errors} error(s), ${warnings} warning(s)`);
  if (errors > 0 || (strict && warnings > 0)) process.exit(1);
}

main();
