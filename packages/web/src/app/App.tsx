import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import { authKeys } from '../features/auth';
import { createQueryClient } from '../lib/query-client';
import { createAppRouter } from './router';
import { theme } from './theme';

const createApp = () => {
  const queryClient = createQueryClient(() => {
    // Session gone: forget it; the app shell then sends the person to sign in.
    queryClient.setQueryData(authKeys.me(), null);
  });
  const router = createAppRouter(queryClient);
  return { queryClient, router };
};

export function App() {
  const [{ queryClient, router }] = useState(createApp);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
