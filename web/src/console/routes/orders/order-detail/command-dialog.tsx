/**
 * The confirm dialog every order action goes through: the question, the few fields the command
 * needs (a reason, a priority, an address), and, when the API refuses, its `detail` above the
 * form and each field error at its field. The dialog stays open until the command succeeds.
 */
import { Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from '../../../../shared/i18n';
import { placeFieldErrors, ProblemAlert } from '../../../components/problem';

export type DialogFields = 'none' | 'reason' | 'priority' | 'address';
export type DialogValues = Record<string, string | number | null | undefined>;

export const ADDRESS_FIELDS = ['recipientName', 'phone', 'province', 'city', 'district', 'line1', 'line2', 'postalCode'] as const;

export function CommandDialog(props: {
  title: string;
  question: string;
  fields: DialogFields;
  initial?: DialogValues;
  danger?: boolean;
  onRun: (values: DialogValues) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DialogValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const ok = async () => {
    let values: DialogValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    setError(null);
    try {
      await props.onRun(values);
      props.onClose();
    } catch (err) {
      placeFieldErrors(form, err);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={props.title}
      okText={t('app.confirm')}
      cancelText={t('app.cancel')}
      okButtonProps={{ danger: props.danger, loading: busy }}
      onOk={ok}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{props.question}</Typography.Paragraph>
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" initialValues={props.initial} onFinish={ok}>
        {props.fields === 'reason' && (
          <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={1000} autoFocus />
          </Form.Item>
        )}
        {props.fields === 'priority' && (
          <Form.Item name="priority" label={t('orders.priority')} rules={[{ required: true }]}>
            <InputNumber min={0} max={9} precision={0} autoFocus />
          </Form.Item>
        )}
        {props.fields === 'address' && (
          <>
            <Typography.Text type="secondary">{t('orders.actions.addressHelp')}</Typography.Text>
            {ADDRESS_FIELDS.map((f) => (
              <Form.Item key={f} name={f} label={t(`address.${f}`)} style={{ marginBottom: 8 }}>
                <Input />
              </Form.Item>
            ))}
          </>
        )}
      </Form>
    </Modal>
  );
}
