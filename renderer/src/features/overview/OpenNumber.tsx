// A number on the overview that opens the list behind it: a link-styled button, reached by Tab and opened by Enter.
import type { ReactNode } from 'react';
import { Button } from 'antd';

export function OpenNumber({ onOpen, testId, children }: { onOpen: () => void; testId: string; children: ReactNode }) {
  return (
    <Button type="link" size="small" onClick={onOpen} data-testid={testId} style={{ padding: 0, height: 'auto' }}>
      {children}
    </Button>
  );
}
