const url = /(https?:\/\/[^\s<>"]+)/;

/**
 * A mail's plain-text body with its links made followable. The text is rendered as text, never
 * as HTML: what a registrant typed into a mail cannot become markup in the console.
 */
export function MailBody({ text }: { readonly text: string }) {
  return (
    <div className="card">
      {text.trim().split(/\n{2,}/).map((paragraph, i) => (
        <p key={i}>
          {paragraph.split(url).map((part, j) => (j % 2 === 1 ? <a key={j} href={part}>{part}</a> : part))}
        </p>
      ))}
    </div>
  );
}
