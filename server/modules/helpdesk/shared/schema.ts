/** The schemas every part of the help desk shares. */
import { z } from 'zod';
import { helpTopics } from './vocabulary.js';

export const topicSchema = z.enum(helpTopics).meta({ id: 'HelpTopic' });
