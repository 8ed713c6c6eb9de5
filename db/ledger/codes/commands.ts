// 标签编码: what a scanned or typed label code names (the scanner, the dialogs and the stocktake ask this).
import { z } from 'zod';
import { registerRead } from '../../command-kit';
import { codePrefix, lookupCode } from './lookup';

export const codeCommands = {
  'codes.lookup': registerRead(z.object({ code: z.string().trim().min(1).max(100) }).strict(), (ctx, input) => lookupCode(ctx.db, codePrefix(ctx), input.code)),
};
