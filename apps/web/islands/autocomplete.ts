// ESCO autocomplete: an enhancement of the search-and-pick form, which works without it. As the
// candidate types, suggestions from the same search appear in a listbox; choosing one submits the
// page's own "add" form, so the server does exactly what it does without JavaScript.
const form = document.querySelector<HTMLFormElement>('form[data-autocomplete]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
if (form && input) {
  const list = document.createElement('ul');
  list.id = 'autocomplete-list';
  list.setAttribute('role', 'listbox');
  list.className = 'etp-results';
  form.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void suggest(input.value.trim()), 250);
  });
  const suggest = async (q: string) => {
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    if (q.length < 2) return;
    const url = `${form.action}?q=${encodeURIComponent(q)}`;
    const page = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
    const picks = [...page.querySelectorAll<HTMLFormElement>('.etp-results form')];
    for (const pick of picks) {
      const option = document.createElement('li');
      option.setAttribute('role', 'option');
      option.tabIndex = 0;
      option.textContent = pick.textContent;
      const choose = () => {
        document.body.append(pick);
        pick.submit();
      };
      option.addEventListener('click', choose);
      option.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') choose();
      });
      list.append(option);
    }
    input.setAttribute('aria-expanded', String(picks.length > 0));
  };
}
