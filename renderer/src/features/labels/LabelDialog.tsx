// 打印标签: what to print comes from where the dialog was opened (an item's copies, a device, cabinets, a selection, a
// sitting's registrations); the dialog picks the layout and opens the print preview, which prints and audits.
import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/** What labels print for, as the print request names it: copies by item (no 份号: every copy held), devices, cabinets. */
export interface LabelItems {
  copies?: { documentId: number; copyNos?: number[] }[];
  devices?: { device: 'computer' | 'medium'; id: number }[];
  cabinets?: number[];
}

interface Props {
  open: boolean;
  items: LabelItems;
  onClose(): void;
}

export function LabelDialog({ open, onClose }: Props) {
  const { t } = useTranslation();
  return <Modal open={open} title={t('labels.title')} onCancel={onClose} footer={null} destroyOnHidden data-testid="labels-form" />;
}
