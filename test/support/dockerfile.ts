/**
 * CertLink's Dockerfile read as data (dockerfile-ast): its stages' steps, CMD and HEALTHCHECK.
 * With no Docker engine here, test/production runs these very steps from a clean clone, and the
 * deploy tests hold the README, compose.yaml and m365agents.yml to them.
 */
import { readFileSync } from 'node:fs';
import { Cmd, Copy, DockerfileParser, Env, Healthcheck, Instruction, Run } from 'dockerfile-ast';

export type DockerStep =
  | { kind: 'run'; command: string }
  /** `from` is the stage a COPY --from takes its files from; null for the build context. */
  | { kind: 'copy'; from: string | null; sources: string[]; destination: string };

export interface DockerStage {
  name: string | null;
  image: string;
  workdir: string;
  env: Record<string, string>;
  user: string | null;
  steps: DockerStep[];
}

export interface DockerImage {
  stages: DockerStage[];
  /** The last stage's CMD, exec form. */
  cmd: string[];
  healthcheck: { command: string[]; options: Record<string, string> } | null;
  exposedPorts: string[];
}

/** CMD or HEALTHCHECK CMD in exec form (a JSON array); the shell form is refused, since a shell would stand between the signals and node. */
function execForm(text: string, what: string): string[] {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text.trim());
  } catch {
    // the shell form: refused below
  }
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string')) throw new Error(`${what} must be in exec form (a JSON array of strings): ${text.trim()}`);
  return parsed as string[];
}

export function parseDockerfile(text: string): DockerImage {
  const dockerfile = DockerfileParser.parse(text);
  const stages: DockerStage[] = [];
  let cmd: string[] = [];
  let healthcheck: DockerImage['healthcheck'] = null;
  const exposedPorts: string[] = [];
  const current = () => {
    const stage = stages[stages.length - 1];
    if (!stage) throw new Error('Dockerfile: an instruction before the first FROM');
    return stage;
  };
  for (const instruction of dockerfile.getInstructions() as Instruction[]) {
    const keyword = instruction.getKeyword();
    const args = instruction.getArguments().map((a) => a.getValue());
    switch (keyword) {
      case 'FROM':
        stages.push({ name: args[1]?.toUpperCase() === 'AS' ? args[2] : null, image: args[0], workdir: '/', env: {}, user: null, steps: [] });
        break;
      case 'WORKDIR':
        current().workdir = args[0];
        break;
      case 'ENV':
        for (const property of (instruction as Env).getProperties()) current().env[property.getName()] = property.getValue() ?? '';
        break;
      case 'USER':
        current().user = args[0];
        break;
      case 'RUN':
        current().steps.push({ kind: 'run', command: (instruction as Run).getArgumentsContent() ?? '' });
        break;
      case 'COPY': {
        const from = (instruction as Copy).getFlags().find((flag) => flag.getName() === 'from');
        current().steps.push({ kind: 'copy', from: from?.getValue() ?? null, sources: args.slice(0, -1), destination: args[args.length - 1] });
        break;
      }
      case 'CMD':
        cmd = execForm((instruction as Cmd).getArgumentsContent() ?? '', 'CMD');
        break;
      case 'HEALTHCHECK': {
        const content = (instruction as Healthcheck).getArgumentsContent() ?? '';
        const at = content.indexOf('CMD');
        if (at < 0) throw new Error(`HEALTHCHECK without CMD: ${content}`);
        const options = Object.fromEntries((instruction as Healthcheck).getFlags().map((flag) => [flag.getName(), flag.getValue() ?? '']));
        healthcheck = { command: execForm(content.slice(at + 'CMD'.length), 'HEALTHCHECK CMD'), options };
        break;
      }
      case 'EXPOSE':
        exposedPorts.push(...args);
        break;
      default:
        throw new Error(`Dockerfile: ${keyword} is not one the production tests know how to run`);
    }
  }
  return { stages, cmd, healthcheck, exposedPorts };
}

export function readDockerfile(file: string): DockerImage {
  return parseDockerfile(readFileSync(file, 'utf8'));
}
