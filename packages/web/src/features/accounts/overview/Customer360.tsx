import { Grid, Stack } from '@mantine/core';
import { type OverviewPanelProps, overviewPanels } from './panels';

/** Two columns from a content area of 760px (a window of about 1000px beside the navigation). */
const CONTAINER_BREAKPOINTS = {
  xs: '400px',
  sm: '560px',
  md: '760px',
  lg: '1000px',
  xl: '1200px',
};

/**
 * The body of the account page: two columns (the company and its people; the deals and the
 * work), one column when the page is narrow. Columns follow the content area, not the window,
 * so the navigation bar is accounted for.
 */
export function Customer360(props: OverviewPanelProps) {
  const column = (side: 'left' | 'right') => (
    <Stack gap="md">
      {overviewPanels
        .filter((panel) => panel.column === side)
        .map(({ key, Panel }) => (
          <Panel key={key} {...props} />
        ))}
    </Stack>
  );
  return (
    <Grid type="container" breakpoints={CONTAINER_BREAKPOINTS} gap="md">
      <Grid.Col span={{ base: 12, md: 5 }}>{column('left')}</Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>{column('right')}</Grid.Col>
    </Grid>
  );
}
