// custom-elements.json, as editors, Storybook and framework type generators
// read it: the modules the package ships (lib/*.js, not src/*.ts), the tags
// each module defines, and defaults as values rather than constant names.
// `cem analyze` reads this file (npm run build, npm run storybook:prepare).

import { posix } from 'node:path';

/** src/x/y.ts → lib/x/y.js; src/x/y.js (a TypeScript import specifier) too. */
const shipped = (path) => path?.replace(/^src\/(.*)\.(ts|js)$/, 'lib/$1.js');

/**
 * A reference's module from the package's root: the analyzer leaves the
 * specifier of a re-export (`./page-api.js`) and roots a superclass's at `/`.
 */
function fromRoot(specifier, referrer) {
  if (specifier.startsWith('/')) return specifier.slice(1);
  if (specifier.startsWith('.')) return posix.join(posix.dirname(referrer), specifier);
  return specifier;
}

/**
 * Records `defineElement('cookie-banner', CookieBanner)` (src/define.ts) as a
 * definition of the tag by the module that calls it. The analyzer only knows
 * `customElements.define`, and takes define.ts's own parameters for a tag.
 */
function elementsDefinedByDefineElement() {
  return {
    name: 'elements-defined-by-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      moduleDoc.exports = (moduleDoc.exports ?? []).filter(
        (entry) => entry.kind !== 'custom-element-definition' || entry.name.includes('-'),
      );
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, element] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !element || !ts.isIdentifier(element)) return;
      moduleDoc.exports.push({
        kind: 'custom-element-definition',
        name: tag.text,
        // Its module is found once every module is known (packageLinkPhase).
        declaration: { name: element.text },
      });
    },
  };
}

/**
 * Internal reactive state declared in `static properties` (`{ state: true }`)
 * has no attribute, as `@state()` had none: the analyzer takes every entry
 * there for an attribute, inherited ones included.
 */
function statesAreNotAttributes() {
  const states = new Map();
  return {
    name: 'states-are-not-attributes',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        if (
          !ts.isPropertyDeclaration(member) ||
          member.name.getText() !== 'properties' ||
          !member.initializer ||
          !ts.isObjectLiteralExpression(member.initializer)
        )
          continue;
        const names = member.initializer.properties
          .filter((entry) => ts.isPropertyAssignment(entry))
          .filter((entry) => /\bstate:\s*true\b/.test(entry.initializer.getText()))
          .map((entry) => entry.name.getText());
        states.set(node.name.getText(), new Set(names));
      }
    },
    packageLinkPhase({ customElementsManifest: manifest }) {
      for (const module of manifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const isState = (item) =>
            states
              .get(item.inheritedFrom?.name ?? declaration.name)
              ?.has(item.fieldName ?? item.name);
          if (declaration.attributes) {
            declaration.attributes = declaration.attributes.filter((item) => !isState(item));
          }
          for (const member of declaration.members ?? [])
            if (isState(member)) delete member.attribute;
        }
      }
    },
  };
}

/** Every place a manifest names a module: paths, declarations' references, exports. */
function* moduleReferences(manifest) {
  for (const module of manifest.modules) {
    for (const entry of module.exports ?? [])
      if (entry.declaration) yield [module, entry.declaration];
    for (const declaration of module.declarations ?? []) {
      if (declaration.superclass) yield [module, declaration.superclass];
      for (const list of [declaration.members, declaration.attributes, declaration.events]) {
        for (const item of list ?? []) if (item.inheritedFrom) yield [module, item.inheritedFrom];
      }
    }
  }
}

function shippedModulesAndValues() {
  return {
    name: 'shipped-modules-and-values',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const declaredIn = new Map();
      const constants = new Map();
      for (const module of manifest.modules) {
        for (const declaration of module.declarations ?? []) {
          declaredIn.set(declaration.name, module.path);
          if (declaration.kind === 'variable' && /^(['"`]).*\1$/.test(declaration.default ?? '')) {
            constants.set(declaration.name, declaration.default);
          }
        }
      }
      // A definition, or a re-export, names its class's own module.
      for (const [module, reference] of moduleReferences(manifest)) {
        const own = (manifest.modules.find((m) => m.path === module.path).declarations ?? []).some(
          (declaration) => declaration.name === reference.name,
        );
        if ((!reference.module || reference.module === module.path) && !own) {
          const declared = declaredIn.get(reference.name);
          if (declared) reference.module = declared;
        }
      }
      // `cookieName = DEFAULT_DECISION_COOKIE` shows as `'cookies_preferences'`.
      for (const module of manifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
            if (constants.has(item.default)) item.default = constants.get(item.default);
          }
        }
      }
      for (const [module, reference] of moduleReferences(manifest)) {
        if (reference.module) reference.module = shipped(fromRoot(reference.module, module.path));
      }
      for (const module of manifest.modules) module.path = shipped(module.path);
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  // consent-mode-default.ts is a classic script of dist/, not a module of lib/.
  exclude: ['src/i18n/generated/**', 'src/consent-mode-default.ts', 'src/hydrate.ts'],
  litelement: true,
  plugins: [elementsDefinedByDefineElement(), statesAreNotAttributes(), shippedModulesAndValues()],
};
