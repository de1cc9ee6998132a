import { copyProject, buildProject } from '/work/wt-post/tests/helpers/project-copy.ts';
const dir = copyProject('img-try-');
console.log(dir);
const r = buildProject(dir);
console.log(r.status);
console.log(r.output.split('\n').filter((l) => /preview|Complete|after-build|ERROR|WARN/.test(l)).join('\n'));
