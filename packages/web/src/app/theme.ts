import { createTheme, Select, TagsInput } from '@mantine/core';

const systemFonts =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * Dropdown lists are mounted only while open: a closed list would otherwise carry the same
 * accessible label as its input and make "find the field by its label" ambiguous.
 */
const closedListsUnmounted = { comboboxProps: { keepMounted: false } };

/** System fonts only: the CSP allows no font CDN, and CJK text needs the local CJK fonts. */
export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: systemFonts,
  headings: { fontFamily: systemFonts, fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Select: Select.extend({ defaultProps: closedListsUnmounted }),
    TagsInput: TagsInput.extend({ defaultProps: closedListsUnmounted }),
  },
});
