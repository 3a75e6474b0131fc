#!/usr/bin/env bash
# Creates the boilerplate of a workspace library: tools/new-lib.sh <dir under libs/> <package name> <type> <scope>
set -euo pipefail
dir="libs/$1"; name="$2"; type="$3"; scope="$4"
mkdir -p "$dir/src/lib"
cat > "$dir/package.json" <<JSON
{
  "name": "$name",
  "version": "0.0.0",
  "private": true,
  "main": "./src/index.ts",
  "types": "./src/index.ts",
  "exports": { ".": "./src/index.ts" },
  "scripts": {
    "lint": "eslint .",
    "typecheck": "tsc -p tsconfig.json --noEmit"
  },
  "nx": { "tags": ["type:$type", "scope:$scope"] }
}
JSON
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "../../../tsconfig.base.json",
  "include": ["src/**/*.ts"]
}
JSON
[ -f "$dir/src/index.ts" ] || echo "export {};" > "$dir/src/index.ts"
node -e '
const fs=require("fs");const f="tsconfig.base.json";const j=JSON.parse(fs.readFileSync(f,"utf8"));
j.compilerOptions.paths[process.argv[1]]=[process.argv[2]+"/src/index.ts"];
j.compilerOptions.paths=Object.fromEntries(Object.entries(j.compilerOptions.paths).sort());
fs.writeFileSync(f,JSON.stringify(j,null,2)+"\n");' "$name" "$dir"
npx prettier --write tsconfig.base.json "$dir/package.json" "$dir/tsconfig.json" >/dev/null
echo "created $dir ($name, type:$type, scope:$scope); run npm install to link it"
