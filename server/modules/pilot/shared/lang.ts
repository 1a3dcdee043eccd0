/**
 * How the server knows the user's language for what it renders (decision 0030): the client sends
 * its UI language as `?lang=it|en` on every file it asks for (the PAI PDF, the cases XLSX);
 * Italian when absent. JSON answers carry both languages where the server writes sentences
 * (eligibility, timeline lines), so the client shows the one the user chose without a new request.
 */
import { z } from 'zod';
import { labelLanguages } from './labels.js';

export const langQuerySchema = z.object({
  lang: z
    .enum(labelLanguages)
    .optional()
    .meta({ description: "The language of the file (the user's UI language); Italian by default" }),
});
