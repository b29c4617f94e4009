// What a viewer sees instead of the accounts: the API shows them to builders and up only.
export function NoAccountAccess() {
  return (
    <section className="accounts" aria-labelledby="accounts-title">
      <h1 id="accounts-title">Connected accounts</h1>
      <p>
        Connected accounts are the API keys, logins and OAuth 2 sign-ins that this workspace’s agents use to
        reach other services. As a viewer you cannot see them: builders can see them, and admins connect and
        change them. Ask an admin of this workspace if you need one.
      </p>
    </section>
  );
}
