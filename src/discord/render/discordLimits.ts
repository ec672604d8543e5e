import type { APIEmbed } from "discord.js";

/** Discord's hard limits on what one message may carry (https://discord.com/developers/docs/resources/message). */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  fields: 25,
  embeds: 10,
  /** Title, description, field names and values, footer and author of all embeds together. */
  embedsTotal: 6000,
  choices: 25,
  choiceName: 100,
} as const;

/** The characters Discord counts towards the 6000-character total of one embed. */
export function embedLength(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + fields + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
}

/** Whether a message's embeds fit every limit at once; tests hold every rendered payload to it. */
export function embedsFit(embeds: readonly APIEmbed[]): boolean {
  if (embeds.length > LIMITS.embeds) return false;
  if (embeds.reduce((sum, embed) => sum + embedLength(embed), 0) > LIMITS.embedsTotal) return false;
  return embeds.every(
    (embed) =>
      (embed.title?.length ?? 0) <= LIMITS.embedTitle &&
      (embed.description?.length ?? 0) <= LIMITS.embedDescription &&
      (embed.footer?.text.length ?? 0) <= LIMITS.footer &&
      (embed.fields ?? []).length <= LIMITS.fields &&
      (embed.fields ?? []).every((field) => field.name.length > 0 && field.name.length <= LIMITS.fieldName && field.value.length > 0 && field.value.length <= LIMITS.fieldValue),
  );
}
