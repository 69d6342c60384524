import type {
  ConvertLeadInput,
  CreateLeadInput,
  Lead,
  LeadConversion,
  UpdateLeadInput,
} from '@guanxi/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { createResourceApi } from '../../lib/resource-api';

/** Leads: query keys, client and hooks. */
export const leadsApi = createResourceApi<Lead, CreateLeadInput, UpdateLeadInput>('leads');

/** A short list of leads matching `q`, for pickers. */
export const useLeadOptions = (q: string, enabled = true) =>
  leadsApi.useOptions(q, { limit: 20, enabled });

/** The body the convert dialog builds; the server fills defaults from the lead. */
export type ConvertBody = Omit<ConvertLeadInput, 'account' | 'contact'> &
  Partial<Pick<ConvertLeadInput, 'account' | 'contact'>>;

/** `POST /leads/:id/convert`; the lead and every list it touched refresh. */
export const useConvertLead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { id: string; body: ConvertBody }) =>
      api.post<LeadConversion>(`/leads/${vars.id}/convert`, vars.body),
    onSuccess: async (result) => {
      queryClient.setQueryData(leadsApi.keys.detail(result.lead.id), result.lead);
      await Promise.all(
        ['leads', 'accounts', 'contacts', 'opportunities', 'activities', 'tasks'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      );
    },
  });
};
