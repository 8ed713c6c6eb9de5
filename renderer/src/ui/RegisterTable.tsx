// A register's list whose rows each open what they show: by a click, or from the keyboard (Tab to the row, Enter).
// The Enter that opens a dialog is kept from also pressing the dialog's first button (its keypress would).
import { Table, type TableProps } from 'antd';

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
      scroll={{ x: 'max-content' }}
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
