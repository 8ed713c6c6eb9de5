// A label's code on screen, as it prints under the barcode: a code, not a word (a <code> element: screen-reader and
// language checks read it as one).
import { Typography } from 'antd';

export function ItemCode({ code, testId }: { code: string; testId?: string }) {
  return (
    <Typography.Text code data-testid={testId}>
      {code}
    </Typography.Text>
  );
}
