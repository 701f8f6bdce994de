// ESCO autocomplete: an enhancement of the search-and-pick form, which works without it. As the
// candidate types, suggestions from the same search appear in a listbox under the field (an ARIA 1.2
// combobox: focus stays in the field, the arrows move through the options, Enter chooses, Escape
// closes), and a status line announces how many there are. Choosing one submits the page's own "add"
// form, so the server does exactly what it does without JavaScript.
const form = document.querySelector<HTMLFormElement>('form[data-autocomplete]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
if (form && input) enhance(form, input);

function enhance(form: HTMLFormElement, input: HTMLInputElement): void {
  const counts = JSON.parse(form.dataset.counts ?? '{}') as Record<string, string>;
  const plural = new Intl.PluralRules(document.documentElement.lang || 'en');
  const list = document.createElement('ul');
  list.id = 'autocomplete-list';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', form.dataset.listLabel ?? '');
  list.className = 'etp-suggestions';
  list.hidden = true;
  const status = document.createElement('p');
  status.id = 'autocomplete-status';
  status.setAttribute('role', 'status');
  status.className = 'ecl-u-sr-only';
  input.closest('.etp-field')?.append(list);
  form.after(status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.autocomplete = 'off';

  let picks: HTMLFormElement[] = [];
  let active = -1;
  let timer: number | undefined;
  let latest = '';

  const options = () => [...list.querySelectorAll<HTMLLIElement>('[role="option"]')];
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (index: number) => {
    const all = options();
    if (!all.length) return;
    active = (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', all[active].id);
    all[active].scrollIntoView({ block: 'nearest' });
  };
  const choose = (index: number) => {
    const pick = picks[index];
    if (!pick) return;
    pick.hidden = true;
    document.body.append(pick);
    pick.submit();
  };

  const suggest = async (q: string) => {
    latest = q;
    if (q.length < 2) {
      list.replaceChildren();
      status.textContent = '';
      return close();
    }
    const response = await fetch(`${form.action}?q=${encodeURIComponent(q)}`, { credentials: 'same-origin' });
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    if (q !== latest) return; // a later keystroke asked again meanwhile
    picks = [...page.querySelectorAll<HTMLFormElement>('.etp-results form')];
    list.replaceChildren(
      ...picks.map((pick, index) => {
        const concept = pick.querySelector<HTMLElement>('[lang]');
        const option = document.createElement('li');
        option.id = `autocomplete-option-${index}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.textContent = (concept ?? pick).textContent?.trim() ?? '';
        if (concept?.lang) option.lang = concept.lang;
        // mousedown, not click: the field keeps the focus, so the list does not close first.
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          choose(index);
        });
        return option;
      }),
    );
    active = -1;
    input.removeAttribute('aria-activedescendant');
    list.hidden = picks.length === 0;
    input.setAttribute('aria-expanded', String(picks.length > 0));
    status.textContent = (counts[plural.select(picks.length)] ?? counts.other ?? '').replace('{{count}}', String(picks.length));
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void suggest(input.value.trim()), 250);
  });
  input.addEventListener('keydown', (event) => {
    const open = !list.hidden && options().length > 0;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open) return;
      event.preventDefault();
      highlight(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && open && active >= 0) {
      // Enter on a highlighted suggestion adds it; Enter without one searches, as without JavaScript.
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', () => close());
}
