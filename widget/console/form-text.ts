/** A form field's text; '' when absent or a file (FormData gives either). */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}
