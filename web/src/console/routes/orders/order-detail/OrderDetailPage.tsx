/**
 * One order, as customer service needs it to answer "where is my order": summary, lines, pick
 * list, shipment, timeline, and the actions its state allows. Every part follows the live event
 * stream (its query keys are the ones shared/live.ts refreshes), so "packed" shows the moment
 * the warehouse scans it.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Col, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../../shared/api';
import { useTranslation } from '../../../../shared/i18n';
import { subscribe } from '../../../../shared/live';
import { OrderStatusTag } from '../../../components/OrderStatusTag';
import { ProblemAlert, problemText } from '../../../components/problem';
import { orderKeys, useOrder } from '../../../hooks/orders';
import { OrderActions } from './order-actions';
import { OrderDocuments } from './order-documents';
import { OrderLinesSection } from './order-lines-section';
import { OrderPicksSection } from './order-picks-section';
import { OrderShipmentSection } from './order-shipment-section';
import { OrderSummarySection } from './order-summary-section';
import { OrderTimelineSection } from './order-timeline-section';

/** Carrier tracking arrives as shipment events: they name the order in their payload. */
function useShipmentEvents(orderId: number) {
  const client = useQueryClient();
  useEffect(
    () =>
      subscribe((e) => {
        if (e.entityType === 'shipment' && Number(e.payload.orderId) === orderId) void client.invalidateQueries({ queryKey: orderKeys.one(orderId) });
      }),
    [client, orderId],
  );
}

export default function OrderDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const order = useOrder(id);
  useShipmentEvents(id);

  if (order.isPending) return <Spin style={{ margin: 48 }} />;
  // A failed background refresh keeps the order on screen (and any dialog open on it), with a
  // warning; only an order that never loaded is replaced by the error.
  if (!order.data) {
    if (order.error instanceof ApiError && order.error.status === 404) return <Result status="404" title={t('common.notFound', { what: t('glossary.order') })} extra={<Link to="/orders">{t('orders.detail.back')}</Link>} />;
    return <ProblemAlert error={order.error} />;
  }
  const o = order.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap align="center">
        <Button icon={<ArrowLeftOutlined />} type="text" aria-label={t('orders.detail.back')} onClick={() => navigate('/orders')} />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('orders.detail.title', { number: o.number })}
        </Typography.Title>
        <OrderStatusTag status={o.status} />
        {o.onHold && <Tag color="warning">{t('orders.onHold')}</Tag>}
        <Badge status="processing" text={t('orders.detail.live')} />
      </Space>
      {order.error && <Alert type="warning" showIcon title={t('common.staleData')} description={problemText(order.error, t)} />}
      <Card size="small" title={t('orders.actions.title')}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <OrderActions order={o} />
          <OrderDocuments order={o} />
        </Space>
      </Card>
      <OrderSummarySection order={o} />
      <OrderLinesSection order={o} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <OrderPicksSection order={o} />
            <OrderShipmentSection order={o} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <OrderTimelineSection order={o} />
        </Col>
      </Row>
    </Space>
  );
}
