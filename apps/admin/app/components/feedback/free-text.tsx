// Written answers as whole response sets, without names and in no particular order: the API sends
// them only once the scheme's threshold of responses is reached.
export function FreeTextSets({ sets }: { sets: { question: string; answer: string }[][] }) {
  return (
    <>
      <h2>Written answers</h2>
      <p>
        Each box is one person&apos;s written answers, without their name, in no particular order.
      </p>
      {sets.map((set, i) => (
        <div key={i} className="nhsuk-card">
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-card__heading nhsuk-heading-s">Response {i + 1}</h3>
            <dl className="nhsuk-u-margin-bottom-0">
              {set.map((item) => (
                <div key={item.question}>
                  <dt className="nhsuk-u-font-weight-bold">{item.question}</dt>
                  <dd
                    className="nhsuk-u-margin-left-0 nhsuk-u-margin-bottom-2"
                    style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}
                  >
                    {item.answer}
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        </div>
      ))}
    </>
  );
}
