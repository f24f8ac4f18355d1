import { z } from "zod";

/** The one place the content format is defined (see content/README.md). */

export const seedDocuments = ["interview-qa", "spbu-lecture", "qa-page", "article", "course-module"] as const;
export const cardTypes = ["basic", "cloze", "mcq", "numeric"] as const;
export type CardType = (typeof cardTypes)[number];

const kebabId = z
  .string({ message: "expected a kebab-case id" })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "expected a kebab-case id like `dying-relu`" })
  .max(80);

const bilingual = (max: number) =>
  z.object({ ru: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) }).strict();

export const topicSchema = z
  .object({
    id: kebabId,
    order: z.number().int().min(0),
    title: bilingual(120),
    description: bilingual(400),
  })
  .strict();

const seedSource = z
  .object({
    doc: z.enum(seedDocuments, { message: `expected one of ${seedDocuments.join(", ")}` }),
    section: z.string().min(1),
  })
  .strict();
const linkSource = z
  .object({
    title: z.string().min(1),
    url: z.url({ protocol: /^https?$/, message: "expected an http(s) URL" }),
  })
  .strict();

export const sourceSchema = z.union([seedSource, linkSource], {
  message: "expected either {doc, section} (a seed document) or {title, url} (a study link)",
});

const exampleParam = z.union([z.number(), z.string().max(200), z.boolean()]);

export const cardFrontMatterSchema = z
  .object({
    id: kebabId,
    type: z.enum(cardTypes, { message: `expected one of ${cardTypes.join(", ")}` }),
    topic: kebabId,
    concepts: z.array(kebabId).min(1, { message: "name at least one concept from content/concepts.yml" }),
    // Lowercase slugs: tags are matched as text in SQL (paused tags, cram by tag), where case and
    // LIKE wildcards would otherwise behave differently on SQLite and PostgreSQL.
    tags: z
      .array(
        z
          .string()
          .max(40)
          .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "expected a lowercase tag like `dying-relu`" }),
      )
      .default([]),
    difficulty: z
      .union([z.literal(1), z.literal(2), z.literal(3)], { message: "expected 1, 2 or 3" })
      .default(2),
    sources: z
      .array(sourceSchema)
      .min(1, { message: "cite at least one source" })
      .refine((list) => list.some((s) => "doc" in s), {
        message: "cite at least one seed document ({doc, section})",
      }),
    related: z.array(kebabId).default([]),
    example: z
      .object({ id: kebabId, params: z.record(z.string(), exampleParam).default({}) })
      .strict()
      .optional(),
    answer: z.number().finite().optional(),
    tolerance: z.number().finite().positive({ message: "expected a tolerance > 0" }).optional(),
    unit: z.object({ ru: z.string(), en: z.string() }).strict().optional(),
  })
  .strict()
  .superRefine((card, ctx) => {
    if (card.type === "numeric") {
      if (card.answer === undefined)
        ctx.addIssue({ code: "custom", path: ["answer"], message: "a numeric card needs an answer" });
      if (card.tolerance === undefined) {
        ctx.addIssue({ code: "custom", path: ["tolerance"], message: "a numeric card needs a tolerance" });
      }
    } else {
      for (const key of ["answer", "tolerance", "unit"] as const) {
        if (card[key] !== undefined)
          ctx.addIssue({ code: "custom", path: [key], message: `only numeric cards have ${key}` });
      }
    }
  });

export type TopicFrontMatter = z.infer<typeof topicSchema>;
export type CardFrontMatter = z.infer<typeof cardFrontMatterSchema>;
export type Source = z.infer<typeof sourceSchema>;

export const conceptsSchema = z.array(z.object({ id: kebabId, title: bilingual(120) }).strict());
export type Concept = z.infer<typeof conceptsSchema>[number];
