// "Export as PDF" and "Export as HTML" for a file the server can brand (Markdown, HTML, text, CSV,
// JSON): the export uses the workspace's export profile (letterhead, colour, fonts, footer).
import { useWorkspace } from '../shared/workspace-context.tsx';
import { canExport, exportPath } from './file-export.ts';

export function ExportLinks({ file }: { file: { id: string; name: string; contentType: string } }) {
  const { workspace } = useWorkspace();
  if (!canExport(file.contentType, file.name)) return null;
  return (
    <>
      <a
        href={exportPath(workspace.id, file.id, 'pdf')}
        download
        aria-label={`Export ${file.name} as PDF`}
        data-testid="export-pdf"
      >
        Export as PDF
      </a>
      <a
        href={exportPath(workspace.id, file.id, 'html')}
        download
        aria-label={`Export ${file.name} as HTML`}
        data-testid="export-html"
      >
        Export as HTML
      </a>
    </>
  );
}
