import './brand.css';

/** The MicroScope mark and name at the left of a page's masthead (dashboard, welcome tab). */
export function Brand() {
  return (
    <div className="brand">
      <span className="logo" aria-hidden="true">
        µ
      </span>
      <span>MicroScope</span>
    </div>
  );
}
