using Clientele.Analytics.Calendar;
using Clientele.Features.Clients;
using Clientele.Features.Contacts;
using Clientele.Features.Economics;
using Clientele.Features.Interactions;
using Clientele.Features.Products;
using Clientele.Features.Purchases;
using Clientele.Features.ServiceCosts;
using Clientele.Features.Tasks;
using static Clientele.Features.Demo.DemoVocabulary;

namespace Clientele.Features.Demo;

/// <summary>A generated base: entities with their ids set, ready to insert into an empty database.</summary>
public sealed class DemoBase
{
    public List<ProductCategory> Categories { get; } = [];
    public List<Product> Products { get; } = [];
    public List<Client> Clients { get; } = [];
    public List<ContactPerson> Contacts { get; } = [];
    public List<Purchase> Purchases { get; } = [];
    public List<ServiceCost> ServiceCosts { get; } = [];
    public List<Interaction> Interactions { get; } = [];
    public List<FollowUpTask> Tasks { get; } = [];
    public List<ExchangeRate> ExchangeRates { get; } = [];
    public List<ChannelSpend> ChannelSpend { get; } = [];
}

/// <summary>
/// A realistic, deterministic base for a seed: Russian and German firms and people who buy as the BG/NBD and
/// Gamma-Gamma processes say (so a few clients bring most of the money, and some silently stop buying), discounts,
/// kickbacks and late payers.
/// </summary>
public sealed class DemoData(int seed, DateTime asOfUtc, IReadOnlyList<long> managerIds, IReadOnlyList<long> channelIds)
{
    public const int DefaultSeed = 42;
    private readonly Random _rng = new(seed);
    private readonly List<long> _intermediaries = [];

    public IEnumerable<Client> GenerateClients(int count, long firstId = 1)
    {
        for (var i = 0; i < count; i++) yield return NewClient(firstId + i);
    }

    public DemoBase Generate(int clientCount, int purchaseCount)
    {
        var demo = new DemoBase();
        AddCatalogue(demo);
        demo.Clients.AddRange(GenerateClients(clientCount));
        AddContacts(demo);
        AddPurchases(demo, purchaseCount);
        AddActivity(demo);
        AddMoneyContext(demo);
        ThreadRelationships(demo);
        foreach (var client in demo.Clients)
            ClientSearch.Sync(client, demo.Contacts.Where(p => p.ClientId == client.Id));
        return demo;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private void AddCatalogue(DemoBase demo)
    {
        long productId = 1;
        for (var c = 0; c < Catalogue.Length; c++)
        {
            var category = new ProductCategory { Id = c + 1, Name = Catalogue[c].Category };
            demo.Categories.Add(category);
            foreach (var name in Catalogue[c].Products)
            {
                var price = Math.Round((decimal)(200 + _rng.NextDouble() * 20_000), 0);
                demo.Products.Add(new Product
                {
                    Id = productId, Name = name, Sku = $"SKU-{productId:D4}", CategoryId = category.Id, ListPrice = price,
                    UnitCost = Math.Round(price * (decimal)(0.45 + _rng.NextDouble() * 0.3), 2), Version = 1,
                });
                productId++;
            }
        }
    }

    private Client NewClient(long id)
    {
        var german = _rng.NextDouble() < 0.3;
        var isPerson = _rng.NextDouble() < 0.25;
        var (city, region) = german ? Pick(DeCities) : Pick(RuCities);
        string name, legal;
        string? taxId;
        if (isPerson)
        {
            name = german ? $"{Pick(DeFirstNames)} {Pick(DeLastNames)}" : $"{Pick(RuLastNames)} {Pick(RuFirstNames)}";
            legal = name;
            taxId = german ? null : (_rng.NextDouble() < 0.5 ? DemoTaxIds.Inn12(_rng) : null);
        }
        else if (german)
        {
            name = $"{Pick(DeCompanyWords)} {Pick(DeCompanySuffixes)}";
            legal = $"{name} {Pick(DeForms)}";
            taxId = DemoTaxIds.GermanVatId(_rng);
        }
        else
        {
            name = $"{Pick(RuCompanyWords)}{Pick(RuCompanySuffixes).ToLowerInvariant()}";
            legal = $"{Pick(RuForms)} «{name}»";
            taxId = DemoTaxIds.Inn10(_rng);
        }
        // Within the three years the exchange rates and the analytics' history cover.
        var acquired = DateOnly.FromDateTime(asOfUtc.AddDays(-_rng.Next(30, 3 * 365)));
        // Buyers become Active here; the purchase process decides later which of them a manager has marked lost.
        var status = _rng.NextDouble() < 0.12 ? ClientStatus.Potential : ClientStatus.Active;
        var client = new Client
        {
            Id = id, Kind = isPerson ? ClientKind.Person : ClientKind.Company, Name = name, NameKey = ClientSearch.Key(name),
            LegalName = legal, TaxId = taxId,
            Role = isPerson ? ClientRole.EndCustomer : _rng.NextDouble() switch
            {
                < 0.7 => ClientRole.EndCustomer, < 0.82 => ClientRole.Dealer, < 0.9 => ClientRole.Distributor, < 0.95 => ClientRole.Agent, _ => ClientRole.Partner,
            },
            Industry = german ? Pick(DeIndustries) : Pick(RuIndustries), City = city, Region = region, Country = german ? "DE" : "RU",
            Size = isPerson ? SizeBand.Micro : (SizeBand)_rng.Next(1, 5),
            Website = isPerson ? null : $"www.{Transliterate(name)}{id}.{(german ? "de" : "ru")}",
            Phone = german ? $"+49151{_rng.Next(10_000_000, 99_999_999)}" : $"+79{_rng.Next(10, 99)}{_rng.Next(1_000_000, 9_999_999)}",
            Email = $"info{id}@{Transliterate(name)}.{(german ? "de" : "ru")}",
            AcquisitionChannelId = channelIds.Count > 0 ? Pick(channelIds) : null,
            AcquiredOn = acquired,
            AcquisitionCost = _rng.NextDouble() < 0.6 ? Math.Round((decimal)(_rng.NextDouble() * 30_000), 0) : null,
            ManagerId = managerIds.Count > 0 ? Pick(managerIds) : null,
            Status = status,
            Notes = _rng.NextDouble() < 0.2 ? (german ? "Bitte Rechnungen per E-Mail, Anrufe nur vormittags." : "Предпочитает звонки после обеда, счета — по e-mail.") : null,
            CreatedAt = acquired.ToDateTime(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(_rng.Next(8 * 60, 19 * 60))), DateTimeKind.Utc),
            Version = 1,
        };
        client.UpdatedAt = client.CreatedAt;
        if (id > 10 && _rng.NextDouble() < 0.08) client.ReferredById = _rng.NextInt64(1, id);
        // Every fourth end customer is served through one of the intermediaries made before it (ADR 044), chosen by its id
        // and not by the generator, so that the random sequence — and every other figure of a seeded base — stays as it was.
        if (client.Role != ClientRole.EndCustomer) _intermediaries.Add(id);
        else if (id % 4 == 0 && _intermediaries.Count > 0) client.ServedThroughId = _intermediaries[(int)(id / 4 % _intermediaries.Count)];
        foreach (var tag in Tags.Where(_ => _rng.NextDouble() < 0.08)) client.Tags.Add(new ClientTag { ClientId = id, Tag = tag });
        return client;
    }

    private static string Transliterate(string text)
    {
        const string ru = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
        string[] lat = ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya"];
        var sb = new System.Text.StringBuilder();
        foreach (var ch in text.ToLowerInvariant())
        {
            var i = ru.IndexOf(ch);
            if (i >= 0) sb.Append(lat[i]);
            else if (char.IsAsciiLetterOrDigit(ch)) sb.Append(ch);
            else if (ch is 'ä') sb.Append("ae");
            else if (ch is 'ö') sb.Append("oe");
            else if (ch is 'ü') sb.Append("ue");
            else if (ch is 'ß') sb.Append("ss");
        }
        return sb.ToString();
    }

    private void AddContacts(DemoBase demo)
    {
        long id = 1;
        foreach (var client in demo.Clients.Where(c => c.Kind == ClientKind.Company))
        {
            var german = client.Country == "DE";
            for (var k = _rng.Next(1, 4); k > 0; k--)
            {
                var first = german ? Pick(DeFirstNames) : Pick(RuFirstNames);
                var last = german ? Pick(DeLastNames) : Pick(RuLastNames);
                var emailConsent = _rng.NextDouble() < 0.7;
                demo.Contacts.Add(new ContactPerson
                {
                    Id = id++, ClientId = client.Id, Name = $"{first} {last}", Position = Pick(Positions),
                    Phones = [german ? $"+49170{_rng.Next(1_000_000, 9_999_999)}" : $"+79{_rng.Next(10, 99)}{_rng.Next(1_000_000, 9_999_999)}"],
                    Emails = [$"{Transliterate(first)}.{Transliterate(last)}{id}@{Transliterate(client.Name)}.{(german ? "de" : "ru")}"],
                    Birthday = _rng.NextDouble() < 0.5 ? new DateOnly(_rng.Next(1960, 2000), _rng.Next(1, 13), _rng.Next(1, 29)) : null,
                    PreferredLanguage = german ? "de" : "ru",
                    Consents = [new Consent { Channel = ConsentChannel.Email, Granted = emailConsent, RecordedAt = client.CreatedAt, Source = "web form" }],
                    CreatedAt = client.CreatedAt, UpdatedAt = client.CreatedAt, Version = 1,
                });
            }
        }
    }

    /// <summary>
    /// Purchases as the BG/NBD and Gamma-Gamma processes make them (<see cref="DemoBuyers"/>): each buyer's first
    /// purchase on the day it was acquired, repeats at its own rate until it silently drops out, values around its own
    /// mean. The rate scale is calibrated so that the base holds about <paramref name="count"/> purchases. A manager has
    /// noticed and marked lost most of the clients who dropped out a while ago, with a reason and often a competitor.
    /// </summary>
    private void AddPurchases(DemoBase demo, int count)
    {
        var clients = demo.Clients.Where(c => c.Status != ClientStatus.Potential && c.AcquiredOn is not null).ToArray();
        if (clients.Length == 0 || count == 0) return;
        var firstDays = clients.Select(c => c.AcquiredOn!.Value.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc)).ToArray();
        var buyers = clients.Select((c, i) => DemoBuyers.Draw(_rng, i, (asOfUtc - firstDays[i]).TotalDays / 7)).ToArray();
        var alpha = DemoBuyers.Calibrate(buyers, count);
        var purchases = new List<(Client Client, DateTime Date, DemoBuyers.Buyer Buyer)>();
        for (var i = 0; i < clients.Length; i++)
        {
            var life = DemoBuyers.Simulate(buyers[i], alpha);
            purchases.Add((clients[i], firstDays[i], buyers[i]));
            foreach (var week in life.RepeatWeeks)
                purchases.Add((clients[i], firstDays[i].AddMinutes(Math.Round(week * 7 * 24 * 60)), buyers[i]));
            var last = life.RepeatWeeks.Count > 0 ? firstDays[i].AddDays(life.RepeatWeeks[^1] * 7) : firstDays[i];
            if (life.DroppedOut && (asOfUtc - last).TotalDays > 120 && _rng.NextDouble() < 0.6) MarkLost(clients[i], last);
        }
        long id = 1, lineId = 1;
        foreach (var (client, date, buyer) in purchases.OrderBy(p => p.Date).ThenBy(p => p.Client.Id))
        {
            demo.Purchases.Add(NewPurchase(demo, client, id++, date, DemoBuyers.Value(_rng, buyer), ref lineId));
            client.PurchaseCount++;
            if (client.LastPurchaseAt is null || client.LastPurchaseAt < date) client.LastPurchaseAt = date;
        }
    }

    private void MarkLost(Client client, DateTime lastPurchase)
    {
        client.Status = ClientStatus.Lost;
        var noticed = lastPurchase.AddDays(_rng.Next(60, 200));
        client.LostOn = DateOnly.FromDateTime(noticed < asOfUtc ? noticed : asOfUtc);
        client.ChurnReason = Pick(ChurnReasons);
        client.Competitor = _rng.NextDouble() < 0.6 ? Pick(Competitors) : null;
    }

    /// <summary>One to three products in quantities that come to about <paramref name="valueRub"/> roubles.</summary>
    private Purchase NewPurchase(DemoBase demo, Client client, long id, DateTime date, double valueRub, ref long lineId)
    {
        var euro = client.Country == "DE";
        var purchase = new Purchase
        {
            Id = id, ClientId = client.Id, Date = date, Currency = euro ? "EUR" : "RUB",
            ManagerId = client.ManagerId, Number = $"{date:yyyy}-{id:D6}", Version = 1, CreatedAt = date, UpdatedAt = date,
            RateToBase = euro ? EuroRate(date) : 1,
        };
        var products = Enumerable.Range(0, _rng.Next(1, 4)).Select(_ => Pick(demo.Products)).ToArray();
        foreach (var product in products)
        {
            var share = valueRub / products.Length;
            var quantity = Math.Max(1m, Math.Round((decimal)share / product.ListPrice!.Value));
            var price = euro ? Math.Round(product.ListPrice!.Value / 90m, 2) : product.ListPrice!.Value;
            var unitCost = euro ? Math.Round(product.UnitCost!.Value / 90m, 2) : product.UnitCost!.Value;
            purchase.Lines.Add(new PurchaseLine { Id = lineId++, PurchaseId = id, ProductId = product.Id, Quantity = quantity, Price = price, UnitCost = unitCost });
        }
        var gross = purchase.Lines.Sum(l => l.Quantity * l.Price);
        purchase.Discount = _rng.NextDouble() < 0.3 ? Math.Round(gross * (decimal)(_rng.NextDouble() * 0.15), 2) : 0;
        purchase.Bonus = _rng.NextDouble() < 0.1 ? Math.Round(gross * 0.03m, 2) : 0;
        purchase.Kickback = client.Role != ClientRole.EndCustomer && _rng.NextDouble() < 0.2 ? Math.Round(gross * 0.05m, 2) : 0;
        PurchaseMath.Recalculate(purchase);
        var due = DateOnly.FromDateTime(date.AddDays(_rng.NextDouble() < 0.5 ? 14 : 30));
        purchase.PaymentDue = due;
        var lateness = _rng.NextDouble() < 0.25 ? _rng.Next(1, 60) : -_rng.Next(0, 10);
        var paid = due.AddDays(lateness);
        purchase.PaidOn = paid.ToDateTime(TimeOnly.MinValue) <= asOfUtc && paid >= DateOnly.FromDateTime(date) ? paid : null;
        return purchase;
    }

    private void AddActivity(DemoBase demo)
    {
        long interactionId = 1, taskId = 1, costId = 1;
        foreach (var client in demo.Clients)
        {
            var since = client.CreatedAt;
            for (var k = _rng.Next(0, 6); k > 0; k--)
            {
                var at = since.AddMinutes(_rng.NextDouble() * Math.Max(1, (asOfUtc - since).TotalMinutes));
                demo.Interactions.Add(new Interaction
                {
                    Id = interactionId++, ClientId = client.Id, EmployeeId = client.ManagerId, Kind = (InteractionKind)_rng.Next(0, 6),
                    Direction = _rng.NextDouble() < 0.6 ? Direction.Outbound : Direction.Inbound, OccurredAt = at,
                    Outcome = Pick(Outcomes), Text = "Обсудили потребности и сроки. Kunde fragt nach Rabatt.",
                    // The three questions get asked now and then; regular clients tend to be the happy ones.
                    Score = client.PurchaseCount >= 3 && _rng.NextDouble() < 0.25 ? _rng.Next(7, 11) : _rng.NextDouble() < 0.05 ? _rng.Next(3, 11) : null,
                    CreatedAt = at, UpdatedAt = at, Version = 1,
                });
            }
            if (_rng.NextDouble() < 0.3)
            {
                var due = asOfUtc.AddDays(_rng.Next(-20, 30)).Date.AddHours(10);
                var done = due < asOfUtc && _rng.NextDouble() < 0.5;
                demo.Tasks.Add(new FollowUpTask
                {
                    Id = taskId++, ClientId = client.Id, AssigneeId = client.ManagerId, Title = Message.Of<DemoText>(Pick(TaskTitles)).Encode(), DueAt = due,
                    Done = done, DoneAt = done ? due : null, CreatedAt = due.AddDays(-7), UpdatedAt = due.AddDays(-7), Version = 1,
                });
            }
            if (client.PurchaseCount > 0 && _rng.NextDouble() < 0.4)
            {
                var category = (ServiceCostCategory)_rng.Next(0, 5);
                var hours = category == ServiceCostCategory.ManagerTime ? Math.Round((decimal)(_rng.NextDouble() * 8 + 0.5), 1) : (decimal?)null;
                var rate = hours is null ? (decimal?)null : 1500m;
                demo.ServiceCosts.Add(new ServiceCost
                {
                    Id = costId++, ClientId = client.Id, Date = DateOnly.FromDateTime(asOfUtc.AddDays(-_rng.Next(1, 700))), Category = category,
                    Hours = hours, HourlyRate = rate, Amount = hours is { } h ? h * rate!.Value : Math.Round((decimal)(_rng.NextDouble() * 5000 + 300), 0),
                    Currency = "RUB", CreatedAt = asOfUtc, UpdatedAt = asOfUtc, Version = 1,
                });
            }
        }
    }

    /// <summary>Managers whose whole portfolio runs through them alone, so the key-person risk report has someone to name.</summary>
    public const int SingleThreadManagers = 2;

    /// <summary>
    /// Who was on each side of the interactions: the first <see cref="SingleThreadManagers"/> managers talk to their
    /// clients alone and always to the same person; the other managers' clients also hear from a colleague now and then
    /// and through any of their contact persons. Drawn from a generator of its own, so every other figure of a seed's
    /// base stays as it was.
    /// </summary>
    private void ThreadRelationships(DemoBase demo)
    {
        var rng = new Random(seed ^ 0x7EA4);
        var singleThread = managerIds.Take(SingleThreadManagers).ToHashSet();
        var contacts = demo.Contacts.GroupBy(c => c.ClientId).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToArray());
        var managers = demo.Clients.ToDictionary(c => c.Id, c => c.ManagerId);
        foreach (var interaction in demo.Interactions)
        {
            var people = contacts.GetValueOrDefault(interaction.ClientId);
            var manager = managers[interaction.ClientId];
            if (manager is { } m && singleThread.Contains(m))
            {
                interaction.ContactPersonId = people?[0];
                continue;
            }
            interaction.ContactPersonId = people is { Length: > 0 } ? people[rng.Next(people.Length)] : null;
            if (managerIds.Count > 1 && rng.NextDouble() < 0.4)
                interaction.EmployeeId = managerIds[rng.Next(managerIds.Count)];
        }
    }

    /// <summary>A euro that drifts between about 82 and 98 roubles, the same for every seed.</summary>
    private static decimal EuroRate(DateTime day) => Math.Round(90m + 8m * (decimal)Math.Sin((day.Year * 12 + day.Month) / 5.0), 4);

    /// <summary>Monthly euro rates for the demo's three years, and what each channel cost per month: paid channels
    /// cost money every month, word of mouth and personal contacts next to nothing.</summary>
    private void AddMoneyContext(DemoBase demo)
    {
        var first = new DateOnly(asOfUtc.Year - 3, asOfUtc.Month, 1);
        long rateId = 1;
        for (var month = first; month <= DateOnly.FromDateTime(asOfUtc); month = month.AddMonths(1))
            demo.ExchangeRates.Add(new ExchangeRate { Id = rateId++, Currency = "EUR", ValidFrom = month, Rate = EuroRate(month.ToDateTime(TimeOnly.MinValue)) });
        decimal[] levels = [0m, 15_000m, 60_000m, 150_000m];
        foreach (var channelId in channelIds)
        {
            var level = levels[_rng.Next(levels.Length)];
            if (level == 0) continue;
            for (var month = first; month <= DateOnly.FromDateTime(asOfUtc); month = month.AddMonths(1))
                demo.ChannelSpend.Add(new ChannelSpend
                {
                    ChannelId = channelId, Month = MonthIndex.Of(month), UpdatedAt = asOfUtc,
                    Amount = Math.Round(level * (decimal)(0.7 + _rng.NextDouble() * 0.6) / 100) * 100,
                });
        }
    }
}
