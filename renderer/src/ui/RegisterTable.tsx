// A register's list whose rows each open what they show: by a click, or from the keyboard (Tab to the row, Enter).
// The Enter that opens a dialog is kept from also pressing the dialog's first button (its keypress would).
// A column without a width (a title, a description) takes the room left and wraps; only below the widths given and
// FLEXIBLE_MIN_PX for each such column does the list scroll sideways (as wide as its longest text, it did at 1366 px).
import { Table, type TableProps } from 'antd';

const FLEXIBLE_MIN_PX = 160;

function scrollWidth<T>(columns: TableProps<T>['columns'] = []): number {
  return columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : FLEXIBLE_MIN_PX), 0);
}

interface RegisterTableProps<T> extends Omit<TableProps<T>, 'onRow' | 'rowKey'> {
  onOpen(row: T): void;
  rowTestId(row: T): string;
}

export function RegisterTable<T extends { id: number }>({ onOpen, rowTestId, ...props }: RegisterTableProps<T>) {
  return (
    <Table<T>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: scrollWidth(props.columns) }}
      {...props}
      onRow={(r) => ({
        onClick: () => onOpen(r),
        onKeyDown: (e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          onOpen(r);
        },
        tabIndex: 0,
        style: { cursor: 'pointer' },
        'data-testid': rowTestId(r),
      })}
    />
  );
}
