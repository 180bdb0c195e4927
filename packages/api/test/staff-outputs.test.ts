// Coordinators see that, never what (SPEC principle 3): no procedure open to staff (organisation
// roles, central analysts, platform admins) can return a field holding what a relationship's members
// keep. Walked from the router's output schemas, so a new staff procedure is held to it too.
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { appRouter } from "../src/root";

/**
 * Field names that would carry what a relationship's members keep: notes, agreed actions, meeting places
 * and links, who spoke, reflections. (Feedback's free text reaches a coordinator by design, past the
 * scheme's threshold and without names: that is tested in feedback.test.ts.)
 */
const contentFields = new Set(["text", "notes", "note", "actions", "place", "link", "reflection", "reflections", "ciphertext", "iv", "speakerPersonIds"]);

type Procedure = { _def: { meta?: { audience?: string }; output?: z.ZodTypeAny; type: string } };

/** Every object key reachable in a zod schema, with its path. */
function fieldPaths(schema: z.ZodTypeAny, path = ""): string[] {
  const def = schema._def as { typeName?: string };
  switch (def.typeName) {
    case z.ZodFirstPartyTypeKind.ZodObject: {
      const shape = (schema as z.AnyZodObject).shape as Record<string, z.ZodTypeAny>;
      return Object.entries(shape).flatMap(([key, value]) => [`${path}.${key}`, ...fieldPaths(value, `${path}.${key}`)]);
    }
    case z.ZodFirstPartyTypeKind.ZodArray:
      return fieldPaths((schema as z.ZodArray<z.ZodTypeAny>).element, `${path}[]`);
    case z.ZodFirstPartyTypeKind.ZodOptional:
    case z.ZodFirstPartyTypeKind.ZodNullable:
      return fieldPaths((schema as z.ZodOptional<z.ZodTypeAny>).unwrap(), path);
    case z.ZodFirstPartyTypeKind.ZodDefault:
      return fieldPaths((schema as z.ZodDefault<z.ZodTypeAny>)._def.innerType, path);
    case z.ZodFirstPartyTypeKind.ZodEffects:
      return fieldPaths((schema as z.ZodEffects<z.ZodTypeAny>).innerType(), path);
    case z.ZodFirstPartyTypeKind.ZodUnion:
    case z.ZodFirstPartyTypeKind.ZodDiscriminatedUnion:
      return ((schema as z.ZodUnion<[z.ZodTypeAny, ...z.ZodTypeAny[]]>)._def.options as z.ZodTypeAny[]).flatMap((o) => fieldPaths(o, path));
    case z.ZodFirstPartyTypeKind.ZodRecord:
      return fieldPaths((schema as z.ZodRecord)._def.valueType as z.ZodTypeAny, `${path}{}`);
    case z.ZodFirstPartyTypeKind.ZodTuple:
      return ((schema as z.ZodTuple)._def.items as z.ZodTypeAny[]).flatMap((item, i) => fieldPaths(item, `${path}[${i}]`));
    case z.ZodFirstPartyTypeKind.ZodIntersection: {
      const d = (schema as z.ZodIntersection<z.ZodTypeAny, z.ZodTypeAny>)._def;
      return [...fieldPaths(d.left, path), ...fieldPaths(d.right, path)];
    }
    case z.ZodFirstPartyTypeKind.ZodLazy:
      return fieldPaths((schema as z.ZodLazy<z.ZodTypeAny>).schema, path);
    default:
      return [];
  }
}

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);
const staff = procedures.filter(([, p]) => p._def.meta?.audience === "staff");

describe("what staff procedures return", () => {
  it("finds the staff procedures from their tiers", () => {
    const names = staff.map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(["relationships.forScheme", "relationships.forCoordinator", "matching.relationships", "matching.run"]));
    expect(names).not.toContain("relationships.get");
  });

  it("declares an output schema on every staff procedure", () => {
    expect(staff.filter(([, p]) => !p._def.output).map(([name]) => name)).toEqual([]);
  });

  it("never names a field that holds what a relationship's members keep", () => {
    const found = staff.flatMap(([name, p]) =>
      fieldPaths(p._def.output!)
        .filter((path) => contentFields.has(path.split(/[.[\]{}]+/).filter(Boolean).at(-1)!))
        .map((path) => `${name}${path}`),
    );
    expect(found).toEqual([]);
  });

  it("would catch such a field (the walk itself is checked)", () => {
    const leaky = z.object({ relationships: z.array(z.object({ meetings: z.array(z.object({ notes: z.object({ text: z.string() }).nullable() })) })) });
    expect(fieldPaths(leaky).filter((path) => contentFields.has(path.split(/[.[\]{}]+/).filter(Boolean).at(-1)!))).toEqual([
      ".relationships[].meetings[].notes",
      ".relationships[].meetings[].notes.text",
    ]);
  });

  it("the members' own view does carry them, so the walk is looking in the right place", () => {
    const get = procedures.find(([name]) => name === "relationships.get")![1];
    expect(fieldPaths(get._def.output!).some((path) => path.endsWith(".notes.text"))).toBe(true);
  });
});
