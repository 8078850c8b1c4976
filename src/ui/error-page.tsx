import { Layout } from './layout';
import { renderDocument } from './render';

/** The HTML face of an error, for people browsing the pages rather than calling the API. */
export function renderErrorPage(statusCode: number, error: string, message: string): string {
  const title = statusCode === 404 ? 'Page not found' : error;
  return renderDocument(
    <Layout title={title}>
      <h1>{title}</h1>
      <p class="lead">
        {statusCode >= 500 ? 'Something went wrong on our side. Please try again.' : message}
      </p>
      <p>
        <a href="/">Back to the start page</a>
      </p>
    </Layout>,
  );
}
