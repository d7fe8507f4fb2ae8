/** The knowledge sources with their indexing state; each row is the anchor answer provenance
 * links to (`#source-<id>`). Admins re-sync web pages and delete sources. */
import type { Assistant, KnowledgeSource } from '../../api';
import { KIND_LABELS, ownerLabel, STATUS_LABELS, sourceAnchor } from '../../settings/knowledge';
import { TableScroll } from './TableScroll';

interface Props {
  sources: KnowledgeSource[];
  assistants: Assistant[];
  canEdit: boolean;
  /** The source a provenance link pointed at, highlighted. */
  targetId: string | null;
  onResync: (source: KnowledgeSource) => void;
  onDelete: (source: KnowledgeSource) => void;
}

const STATUS_TAGS: Record<KnowledgeSource['status'], string> = {
  indexing: 'tag tag--paused',
  ready: 'tag tag--ok',
  failed: 'tag tag--warn',
};

function Status({ source }: { source: KnowledgeSource }) {
  return (
    <>
      <span className={STATUS_TAGS[source.status]} data-testid="source-status">
        {STATUS_LABELS[source.status]}
      </span>
      {source.status === 'failed' && source.error && (
        <span className="knowledge-error"> {source.error}</span>
      )}
    </>
  );
}

export function KnowledgeSourceList({
  sources,
  assistants,
  canEdit,
  targetId,
  onResync,
  onDelete,
}: Props) {
  if (sources.length === 0) {
    return (
      <p className="settings-empty">
        No knowledge yet: add an article, a Q&A pair, a file or a web page.
      </p>
    );
  }
  return (
    <TableScroll label="Knowledge sources">
      <table className="settings-table">
        <caption className="visually-hidden">Knowledge sources</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Kind</th>
            <th scope="col">Used by</th>
            <th scope="col">State</th>
            <th scope="col">Passages</th>
            {canEdit && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => (
            <tr
              key={source.id}
              id={sourceAnchor(source.id)}
              data-source-id={source.id}
              className={source.id === targetId ? 'knowledge-row--target' : undefined}
            >
              <th scope="row" className="settings-table-wrap">
                {source.url ? (
                  <a href={source.url} target="_blank" rel="noreferrer">
                    {source.title || source.url}
                  </a>
                ) : (
                  source.title
                )}
              </th>
              <td>{KIND_LABELS[source.kind]}</td>
              <td>{ownerLabel(source, assistants)}</td>
              <td className="settings-table-wrap">
                <Status source={source} />
              </td>
              <td>{source.status === 'ready' ? source.chunkCount : '—'}</td>
              {canEdit && (
                <td className="settings-table-actions">
                  {source.kind === 'url' && (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={source.status === 'indexing'}
                      onClick={() => onResync(source)}
                    >
                      Re-sync<span className="visually-hidden"> {source.title}</span>
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => onDelete(source)}
                  >
                    Delete<span className="visually-hidden"> {source.title}</span>
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
