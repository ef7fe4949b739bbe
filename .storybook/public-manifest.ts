/**
 * Autodocs list what a host can use. The analyzer also records private and
 * protected members (among them every `@state()` field, which this project
 * always declares `private` or `protected`: the manifest carries no other
 * mark of them), so they are dropped before Storybook reads the manifest.
 */

interface ManifestMember {
  name: string;
  privacy?: string;
}

interface ManifestDeclaration {
  kind: string;
  name: string;
  members?: ManifestMember[];
}

interface ManifestModule {
  declarations?: ManifestDeclaration[];
}

export interface CustomElementsManifest {
  modules: ManifestModule[];
}

function isPublic(member: ManifestMember): boolean {
  return (
    member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#')
  );
}

/** A copy of `manifest` without private or protected members. */
export function publicManifest<Manifest extends CustomElementsManifest>(
  manifest: Manifest,
): Manifest {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) =>
        declaration.members
          ? { ...declaration, members: declaration.members.filter(isPublic) }
          : declaration,
      ),
    })),
  };
}
