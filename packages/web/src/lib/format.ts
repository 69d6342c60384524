import dayjs from 'dayjs';

export const formatDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format('LL') : '');
export const formatDateTime = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('lll') : '';
export const fromNow = (iso: string | null | undefined) => (iso ? dayjs(iso).fromNow() : '');
