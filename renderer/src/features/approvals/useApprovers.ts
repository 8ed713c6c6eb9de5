// The active approver accounts, for the pickers where an approver signs (on the spot) or is named (a paper 审批单).
import { useEffect, useState } from 'react';
import { useLedger } from '../../store';
import type { ApproverAccount } from './store';

/** Empty until loaded, and when the list cannot be read: the picker then says there is no approver. */
export function useApprovers(): ApproverAccount[] {
  const listApprovers = useLedger((s) => s.listApprovers);
  const [approvers, setApprovers] = useState<ApproverAccount[]>([]);
  useEffect(() => {
    let current = true;
    listApprovers()
      .then((rows) => current && setApprovers(rows))
      .catch(() => current && setApprovers([]));
    return () => {
      current = false;
    };
  }, [listApprovers]);
  return approvers;
}
