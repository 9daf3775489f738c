PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY,
    "Timestamp" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
INSERT INTO __EFMigrationsHistory VALUES('20261123165453_Initial','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261123180247_ClientFigures','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261125151430_LoyaltyLadderAndLostClients','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261125152554_Lifetime','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261125182852_Security','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261125184116_AuditAppendOnly','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261126004545_ImportExport','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261126041504_SearchTermsByClient','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261206150000_SearchTermSources','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261206161000_AuditRedaction','10.0.15');
CREATE TABLE IF NOT EXISTS "AcquisitionChannels" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AcquisitionChannels" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NULL,
    "Name" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL
);
INSERT INTO AcquisitionChannels VALUES(1,'advertising','Advertising',1);
INSERT INTO AcquisitionChannels VALUES(2,'partner','Partner',1);
INSERT INTO AcquisitionChannels VALUES(3,'personal','Personal contact',1);
INSERT INTO AcquisitionChannels VALUES(4,'referral','Referral',1);
INSERT INTO AcquisitionChannels VALUES(5,'cold-call','Cold call',1);
INSERT INTO AcquisitionChannels VALUES(6,'website','Website',1);
INSERT INTO AcquisitionChannels VALUES(7,'exhibition','Exhibition',1);
INSERT INTO AcquisitionChannels VALUES(8,'other','Other',1);
CREATE TABLE IF NOT EXISTS "AspNetRoles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);
CREATE TABLE IF NOT EXISTS "CompanySettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CompanySettings" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "BaseCurrency" TEXT NOT NULL,
    "DefaultPhoneRegion" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
, "AbcA" REAL NOT NULL DEFAULT 0.80000000000000004, "AbcB" REAL NOT NULL DEFAULT 0.94999999999999996, "ActiveWindowMonths" INTEGER NOT NULL DEFAULT 12, "StrategyRules" TEXT NULL, "TargetProfile" TEXT NULL, "XyzX" REAL NOT NULL DEFAULT 0.10000000000000001, "XyzY" REAL NOT NULL DEFAULT 0.25);
INSERT INTO CompanySettings VALUES(1,'My company','RUB','RU',0,0.8000000000000000444,0.94999999999999995559,12,NULL,NULL,0.10000000000000000555,0.25);
CREATE TABLE IF NOT EXISTS "IdempotencyRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IdempotencyRecords" PRIMARY KEY AUTOINCREMENT,
    "EmployeeId" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "RequestPath" TEXT NOT NULL,
    "RequestHash" TEXT NOT NULL,
    "StatusCode" INTEGER NOT NULL,
    "Location" TEXT NULL,
    "ResponseJson" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "ProductCategories" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProductCategories" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL
);
INSERT INTO ProductCategories VALUES(1,'Инструмент');
INSERT INTO ProductCategories VALUES(2,'Крепёж');
INSERT INTO ProductCategories VALUES(3,'Расходники');
INSERT INTO ProductCategories VALUES(4,'Электрика');
INSERT INTO ProductCategories VALUES(5,'Сервис');
INSERT INTO ProductCategories VALUES(6,'Спецодежда');
CREATE TABLE IF NOT EXISTS "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" INTEGER NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "ApiTokens" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ApiTokens" PRIMARY KEY AUTOINCREMENT,
    "EmployeeId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Hash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    "LastUsedAt" TEXT NULL,
    CONSTRAINT "FK_ApiTokens_AspNetUsers_EmployeeId" FOREIGN KEY ("EmployeeId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" INTEGER NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUserRoles" (
    "UserId" INTEGER NOT NULL,
    "RoleId" INTEGER NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUserTokens" (
    "UserId" INTEGER NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "Clients" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Clients" PRIMARY KEY AUTOINCREMENT,
    "Kind" INTEGER NOT NULL,
    "Role" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "LegalName" TEXT NULL,
    "TaxId" TEXT NULL,
    "Industry" TEXT NULL,
    "Region" TEXT NULL,
    "City" TEXT NULL,
    "Country" TEXT NULL,
    "Size" INTEGER NOT NULL,
    "Website" TEXT NULL,
    "Phone" TEXT NULL,
    "Email" TEXT NULL,
    "AcquisitionChannelId" INTEGER NULL,
    "AcquiredOn" TEXT NULL,
    "AcquisitionCost" TEXT NULL,
    "ReferredById" INTEGER NULL,
    "ManagerId" INTEGER NULL,
    "Status" INTEGER NOT NULL,
    "LostOn" TEXT NULL,
    "ChurnReason" TEXT NULL,
    "Competitor" TEXT NULL,
    "Notes" TEXT NULL,
    "NameKey" TEXT NOT NULL,
    "PurchaseCount" INTEGER NOT NULL,
    "LastPurchaseAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Clients_AcquisitionChannels_AcquisitionChannelId" FOREIGN KEY ("AcquisitionChannelId") REFERENCES "AcquisitionChannels" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Clients_AspNetUsers_ManagerId" FOREIGN KEY ("ManagerId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Clients_Clients_ReferredById" FOREIGN KEY ("ReferredById") REFERENCES "Clients" ("Id") ON DELETE SET NULL
);
INSERT INTO Clients VALUES(1,0,3,'Эталонгрупп','ПАО «Эталонгрупп»','2515733309','IT','Самарская область','Самара','RU',2,'www.etalongrupp1.ru','+79776479455','info1@etalongrupp.ru',5,'2026-09-19',NULL,NULL,6,1,NULL,NULL,NULL,NULL,'эталонгрупп',5,'2026-11-07 11:14:00','2026-09-19 09:28:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(2,0,3,'Горизонтмаркет','ООО «Горизонтмаркет»','6764630460','Автосервис','Пермский край','Пермь','RU',4,'www.gorizontmarket2.ru','+79171792044','info2@gorizontmarket.ru',7,'2026-06-03','26730.0',NULL,7,1,NULL,NULL,NULL,NULL,'горизонтмаркет',2,'2026-11-13 06:53:00','2026-06-03 12:32:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(3,1,0,'Петров Сергей','Петров Сергей',NULL,'Строительство','Санкт-Петербург','Санкт-Петербург','RU',1,NULL,'+79192079825','info3@petrovsergey.ru',8,'2024-02-17','4471.0',NULL,5,1,NULL,NULL,NULL,NULL,'петров сергей',16,'2026-08-06 21:28:00','2024-02-17 13:31:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(4,0,0,'Wolf Vertrieb','Wolf Vertrieb e.K.','DE704801430','IT','Hessen','Frankfurt am Main','DE',1,'www.wolfvertrieb4.de','+4915159224126','info4@wolfvertrieb.de',4,'2024-01-14',NULL,NULL,3,1,NULL,NULL,NULL,NULL,'wolf vertrieb',20,'2026-10-25 12:59:00','2024-01-14 13:01:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(5,0,0,'Hoffmann Logistik','Hoffmann Logistik AG','DE275375750','Einzelhandel','Nordrhein-Westfalen','Düsseldorf','DE',4,'www.hoffmannlogistik5.de','+4915130441661','info5@hoffmannlogistik.de',1,'2026-07-30','26829.0',NULL,2,1,NULL,NULL,NULL,NULL,'hoffmann logistik',1,'2026-07-30 10:00:00','2026-07-30 11:49:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(6,0,1,'Лидергрупп','АО «Лидергрупп»','1420606822','Логистика','Пермский край','Пермь','RU',3,'www.lidergrupp6.ru','+79467489249','info6@lidergrupp.ru',3,'2023-12-15','6463.0',NULL,2,1,NULL,NULL,NULL,NULL,'лидергрупп',22,'2026-11-08 19:04:00','2023-12-15 15:33:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(7,0,0,'Schwarz Handel','Schwarz Handel KG','DE710818601','Medizin','Nordrhein-Westfalen','Düsseldorf','DE',3,'www.schwarzhandel7.de','+4915148936472','info7@schwarzhandel.de',7,'2026-07-17','26429.0',NULL,3,0,NULL,NULL,NULL,NULL,'schwarz handel',0,NULL,'2026-07-17 13:53:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(8,0,1,'Форвардгрупп','ПАО «Форвардгрупп»','8584482311','Строительство','Самарская область','Самара','RU',1,'www.forvardgrupp8.ru','+79118891245','info8@forvardgrupp.ru',6,'2025-02-10',NULL,NULL,4,1,NULL,NULL,NULL,NULL,'форвардгрупп',6,'2026-06-10 03:37:00','2025-02-10 14:07:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(9,0,0,'Кванткомплект','ИП «Кванткомплект»','3445020984','Розница','Татарстан','Казань','RU',1,'www.kvantkomplekt9.ru','+79696290845','info9@kvantkomplekt.ru',1,'2024-10-14','10809.0',NULL,4,2,'2025-05-07','quality','Lieferprofi GmbH',NULL,'кванткомплект',2,'2025-01-07 04:01:00','2024-10-14 17:49:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(10,1,0,'Михайлов Анна','Михайлов Анна','302755847202','Логистика','Свердловская область','Екатеринбург','RU',1,NULL,'+79295198634','info10@mihaylovanna.ru',8,'2024-04-25','15232.0',NULL,3,1,NULL,NULL,NULL,NULL,'михайлов анна',2,'2024-12-09 11:30:00','2024-04-25 15:58:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(11,0,1,'Торгсервис','АО «Торгсервис»','9267902060','Розница','Самарская область','Самара','RU',3,'www.torgservis11.ru','+79479985267','info11@torgservis.ru',7,'2023-12-08','13165.0',2,7,1,NULL,NULL,NULL,NULL,'торгсервис',4,'2026-02-14 06:30:00','2023-12-08 12:31:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(12,0,0,'Волгапром','ПАО «Волгапром»','2813096038','HoReCa','Свердловская область','Екатеринбург','RU',1,'www.volgaprom12.ru','+79681207350','info12@volgaprom.ru',8,'2024-02-26',NULL,NULL,4,1,NULL,NULL,NULL,NULL,'волгапром',7,'2026-08-20 21:49:00','2024-02-26 11:07:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(13,0,0,'Neumann Elektro','Neumann Elektro GmbH','DE617851860','Logistik','Berlin','Berlin','DE',2,'www.neumannelektro13.de','+4915192996374','info13@neumannelektro.de',3,'2025-02-17',NULL,NULL,4,1,NULL,NULL,NULL,NULL,'neumann elektro',2,'2026-01-01 05:44:00','2025-02-17 14:10:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(14,1,0,'Попов Андрей','Попов Андрей','282512443774','Салон красоты','Ростовская область','Ростов-на-Дону','RU',1,NULL,'+79853990934','info14@popovandrey.ru',6,'2026-07-18',NULL,NULL,4,1,NULL,NULL,NULL,'Предпочитает звонки после обеда, счета — по e-mail.','попов андрей',1,'2026-07-18 10:00:00','2026-07-18 14:21:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(15,1,0,'Попов Алексей','Попов Алексей',NULL,'Автосервис','Ростовская область','Ростов-на-Дону','RU',1,NULL,'+79833438710','info15@popovaleksey.ru',4,'2025-05-07','29405.0',NULL,7,1,NULL,NULL,NULL,'Предпочитает звонки после обеда, счета — по e-mail.','попов алексей',5,'2026-10-20 13:04:00','2025-05-07 10:56:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(16,1,0,'Кузнецов Алексей','Кузнецов Алексей',NULL,'Салон красоты','Санкт-Петербург','Санкт-Петербург','RU',1,NULL,'+79512909859','info16@kuznetsovaleksey.ru',2,'2025-08-20',NULL,NULL,3,1,NULL,NULL,NULL,NULL,'кузнецов алексей',4,'2026-10-10 11:59:00','2025-08-20 09:47:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(17,0,0,'Köhler Bau','Köhler Bau KG','DE808741099','Produktion','Bayern','München','DE',2,'www.koehlerbau17.de','+4915165439964','info17@koehlerbau.de',5,'2025-02-20','7.0',NULL,7,2,'2025-12-25','competitor-offer','Lieferprofi GmbH','Bitte Rechnungen per E-Mail, Anrufe nur vormittags.','köhler bau',8,'2025-08-21 20:18:00','2025-02-20 11:31:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(18,0,1,'Торгтрейд','ООО «Торгтрейд»','2915684600','HoReCa','Самарская область','Самара','RU',4,'www.torgtreyd18.ru','+79472446407','info18@torgtreyd.ru',2,'2024-03-29',NULL,7,6,1,NULL,NULL,NULL,'Предпочитает звонки после обеда, счета — по e-mail.','торгтрейд',3,'2025-09-01 20:56:00','2024-03-29 08:34:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(19,0,0,'Атлантсервис','АО «Атлантсервис»','5449540530','Салон красоты','Татарстан','Казань','RU',4,'www.atlantservis19.ru','+79961128735','info19@atlantservis.ru',2,'2024-06-19','27961.0',NULL,4,1,NULL,NULL,NULL,NULL,'атлантсервис',1,'2024-06-19 10:00:00','2024-06-19 13:49:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(20,0,0,'Гранитпром','ИП «Гранитпром»','1971597719','HoReCa','Свердловская область','Екатеринбург','RU',1,'www.granitprom20.ru','+79119010805','info20@granitprom.ru',8,'2025-01-08',NULL,NULL,2,1,NULL,NULL,NULL,NULL,'гранитпром',5,'2026-07-17 18:51:00','2025-01-08 17:45:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(21,0,0,'Сибирьтрейд','ИП «Сибирьтрейд»','2105171631','Салон красоты','Новосибирская область','Новосибирск','RU',2,'www.sibirtreyd21.ru','+79975588648','info21@sibirtreyd.ru',2,'2024-01-03','22535.0',NULL,5,1,NULL,NULL,NULL,NULL,'сибирьтрейд',1,'2024-01-03 10:00:00','2024-01-03 16:30:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(22,1,0,'Jürgen Koch','Jürgen Koch',NULL,'Logistik','Nordrhein-Westfalen','Köln','DE',1,NULL,'+4915123727082','info22@juergenkoch.de',4,'2024-07-21','17744.0',NULL,7,1,NULL,NULL,NULL,'Bitte Rechnungen per E-Mail, Anrufe nur vormittags.','jürgen koch',57,'2026-12-02 15:15:00','2024-07-21 12:12:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(23,0,0,'Волгагрупп','ПАО «Волгагрупп»','6608234726','HoReCa','Москва','Москва','RU',4,'www.volgagrupp23.ru','+79272639892','info23@volgagrupp.ru',6,'2024-09-28',NULL,NULL,7,1,NULL,NULL,NULL,NULL,'волгагрупп',1,'2024-09-28 10:00:00','2024-09-28 11:05:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(24,0,0,'Востокинвест','ПАО «Востокинвест»','6880574488','HoReCa','Санкт-Петербург','Санкт-Петербург','RU',1,'www.vostokinvest24.ru','+79103403060','info24@vostokinvest.ru',6,'2025-04-25','19308.0',1,2,0,NULL,NULL,NULL,NULL,'востокинвест',0,NULL,'2025-04-25 10:46:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(25,0,0,'Технологистик','ПАО «Технологистик»','4590004267','Производство','Татарстан','Казань','RU',4,'www.tehnologistik25.ru','+79212924030','info25@tehnologistik.ru',7,'2025-02-22','8413.0',NULL,5,1,NULL,NULL,NULL,NULL,'технологистик',6,'2026-07-03 08:56:00','2025-02-22 18:34:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(26,0,1,'Пульссервис','ПАО «Пульссервис»','6315587136','HoReCa','Свердловская область','Екатеринбург','RU',2,'www.pulsservis26.ru','+79231171734','info26@pulsservis.ru',1,'2026-01-25',NULL,NULL,5,0,NULL,NULL,NULL,NULL,'пульссервис',0,NULL,'2026-01-25 13:10:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(27,1,0,'Christian Schneider','Christian Schneider',NULL,'Medizin','Nordrhein-Westfalen','Düsseldorf','DE',1,NULL,'+4915143625265','info27@christianschneider.de',1,'2024-01-12',NULL,NULL,4,0,NULL,NULL,NULL,NULL,'christian schneider',0,NULL,'2024-01-12 11:57:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(28,0,3,'Фаворитсервис','АО «Фаворитсервис»','3337728811','Розница','Ростовская область','Ростов-на-Дону','RU',3,'www.favoritservis28.ru','+79399862034','info28@favoritservis.ru',2,'2025-12-23',NULL,NULL,3,1,NULL,NULL,NULL,NULL,'фаворитсервис',4,'2026-08-02 22:41:00','2025-12-23 14:06:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(29,1,0,'Соколов Дмитрий','Соколов Дмитрий',NULL,'Розница','Ростовская область','Ростов-на-Дону','RU',1,NULL,'+79183019751','info29@sokolovdmitriy.ru',6,'2025-05-04','10540.0',NULL,7,1,NULL,NULL,NULL,NULL,'соколов дмитрий',13,'2026-10-20 16:42:00','2025-05-04 09:23:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(30,0,4,'Сибирьпром','ПАО «Сибирьпром»','4391174641','HoReCa','Ростовская область','Ростов-на-Дону','RU',4,'www.sibirprom30.ru','+79725765331','info30@sibirprom.ru',5,'2025-04-06','5436.0',NULL,2,1,NULL,NULL,NULL,'Предпочитает звонки после обеда, счета — по e-mail.','сибирьпром',19,'2026-12-04 03:40:00','2025-04-06 09:25:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(31,0,0,'Стройплюс','АО «Стройплюс»','7532297281','Салон красоты','Свердловская область','Екатеринбург','RU',2,'www.stroyplyus31.ru','+79592965143','info31@stroyplyus.ru',6,'2024-03-15',NULL,NULL,4,1,NULL,NULL,NULL,NULL,'стройплюс',10,'2026-10-12 18:17:00','2024-03-15 13:11:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(32,0,0,'Becker Druck','Becker Druck GmbH & Co. KG','DE855770461','Medizin','Sachsen','Leipzig','DE',1,'www.beckerdruck32.de','+4915136547162','info32@beckerdruck.de',4,'2025-02-16','5931.0',NULL,4,1,NULL,NULL,NULL,NULL,'becker druck',34,'2026-10-29 03:03:00','2025-02-16 10:34:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(33,0,0,'Партнергрупп','АО «Партнергрупп»','6488373115','IT','Москва','Москва','RU',2,'www.partnergrupp33.ru','+79745092248','info33@partnergrupp.ru',2,'2026-10-03','15588.0',NULL,4,1,NULL,NULL,NULL,NULL,'партнергрупп',1,'2026-10-03 10:00:00','2026-10-03 17:42:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(34,0,0,'Форвардснаб','АО «Форвардснаб»','4942620373','Розница','Пермский край','Пермь','RU',3,'www.forvardsnab34.ru','+79515145935','info34@forvardsnab.ru',1,'2026-11-06',NULL,NULL,7,1,NULL,NULL,NULL,NULL,'форвардснаб',1,'2026-11-06 10:00:00','2026-11-06 10:06:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(35,0,0,'Граниткомплект','ИП «Граниткомплект»','1006424270','IT','Самарская область','Самара','RU',2,'www.granitkomplekt35.ru','+79893207179','info35@granitkomplekt.ru',1,'2025-09-09','5846.0',NULL,7,1,NULL,NULL,NULL,NULL,'граниткомплект',4,'2026-11-01 18:04:00','2025-09-09 15:37:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(36,0,0,'Klein Druck','Klein Druck KG','DE283328751','Gastronomie','Sachsen','Leipzig','DE',2,'www.kleindruck36.de','+4915188552767','info36@kleindruck.de',1,'2025-04-14',NULL,NULL,5,1,NULL,NULL,NULL,NULL,'klein druck',1,'2025-04-14 10:00:00','2025-04-14 14:58:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(37,1,0,'Морозов Юлия','Морозов Юлия',NULL,'Салон красоты','Пермский край','Пермь','RU',1,NULL,'+79704285041','info37@morozovyuliya.ru',1,'2026-01-05',NULL,NULL,2,1,NULL,NULL,NULL,NULL,'морозов юлия',6,'2026-07-20 12:05:00','2026-01-05 08:10:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(38,1,0,'Попов Мария','Попов Мария',NULL,'HoReCa','Пермский край','Пермь','RU',1,NULL,'+79375413642','info38@popovmariya.ru',4,'2025-02-26',NULL,NULL,6,1,NULL,NULL,NULL,NULL,'попов мария',15,'2026-10-17 04:30:00','2025-02-26 14:26:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(39,0,0,'Сибирьпром','ПАО «Сибирьпром»','1475722169','IT','Новосибирская область','Новосибирск','RU',2,'www.sibirprom39.ru','+79598433929','info39@sibirprom.ru',5,'2024-07-24',NULL,NULL,6,1,NULL,NULL,NULL,'Предпочитает звонки после обеда, счета — по e-mail.','сибирьпром',10,'2026-11-08 04:51:00','2024-07-24 18:41:00','2026-12-06 19:55:10.6144555',1);
INSERT INTO Clients VALUES(40,0,1,'Стройлогистик','ПАО «Стройлогистик»','2172380341','Логистика','Пермский край','Пермь','RU',3,'www.stroylogistik40.ru','+79404932613','info40@stroylogistik.ru',6,'2026-02-05','236.0',NULL,7,1,NULL,NULL,NULL,'Предпочитает звонки после обеда, счета — по e-mail.','стройлогистик',1,'2026-02-05 10:00:00','2026-02-05 12:19:00','2026-12-06 19:55:10.6144555',1);
CREATE TABLE IF NOT EXISTS "Products" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Products" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Sku" TEXT NULL,
    "CategoryId" INTEGER NULL,
    "ListPrice" TEXT NULL,
    "UnitCost" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Products_ProductCategories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "ProductCategories" ("Id") ON DELETE SET NULL
);
INSERT INTO Products VALUES(1,'Дрель ударная','SKU-0001',1,'9658.0','4476.28',1,1);
INSERT INTO Products VALUES(2,'Шуруповёрт','SKU-0002',1,'9338.0','6740.26',1,1);
INSERT INTO Products VALUES(3,'Перфоратор','SKU-0003',1,'3648.0','1829.57',1,1);
INSERT INTO Products VALUES(4,'Болгарка','SKU-0004',1,'16893.0','12470.61',1,1);
INSERT INTO Products VALUES(5,'Лобзик','SKU-0005',1,'6969.0','3825.91',1,1);
INSERT INTO Products VALUES(6,'Саморезы (1000 шт.)','SKU-0006',2,'8119.0','3787.94',1,1);
INSERT INTO Products VALUES(7,'Дюбели (500 шт.)','SKU-0007',2,'4092.0','2077.49',1,1);
INSERT INTO Products VALUES(8,'Анкеры (100 шт.)','SKU-0008',2,'13837.0','9963.04',1,1);
INSERT INTO Products VALUES(9,'Schrauben-Set','SKU-0009',2,'9926.0','6894.62',1,1);
INSERT INTO Products VALUES(10,'Диски отрезные (25 шт.)','SKU-0010',3,'19699.0','12255.8',1,1);
INSERT INTO Products VALUES(11,'Свёрла по металлу','SKU-0011',3,'5770.0','3542.93',1,1);
INSERT INTO Products VALUES(12,'Bits-Set','SKU-0012',3,'17219.0','12270.76',1,1);
INSERT INTO Products VALUES(13,'Пильные полотна','SKU-0013',3,'15760.0','9934.93',1,1);
INSERT INTO Products VALUES(14,'Кабель ВВГ 3x2.5 (100 м)','SKU-0014',4,'8029.0','4825.37',1,1);
INSERT INTO Products VALUES(15,'Автомат 16А','SKU-0015',4,'11903.0','8713.23',1,1);
INSERT INTO Products VALUES(16,'Розетки (10 шт.)','SKU-0016',4,'5162.0','2866.15',1,1);
INSERT INTO Products VALUES(17,'LED-Leuchte','SKU-0017',4,'14611.0','7733.55',1,1);
INSERT INTO Products VALUES(18,'Доставка','SKU-0018',5,'9873.0','5152.76',1,1);
INSERT INTO Products VALUES(19,'Монтаж','SKU-0019',5,'3045.0','2171.84',1,1);
INSERT INTO Products VALUES(20,'Wartungsvertrag','SKU-0020',5,'4738.0','2421.06',1,1);
INSERT INTO Products VALUES(21,'Обучение персонала','SKU-0021',5,'19196.0','13084.19',1,1);
INSERT INTO Products VALUES(22,'Перчатки (12 пар)','SKU-0022',6,'8451.0','5116.88',1,1);
INSERT INTO Products VALUES(23,'Каска','SKU-0023',6,'14334.0','8522.16',1,1);
INSERT INTO Products VALUES(24,'Arbeitsjacke','SKU-0024',6,'1792.0','1144.84',1,1);
INSERT INTO Products VALUES(25,'Очки защитные','SKU-0025',6,'4629.0','3020.67',1,1);
CREATE TABLE IF NOT EXISTS "ClientCoManagers" (
    "ClientId" INTEGER NOT NULL,
    "EmployeeId" INTEGER NOT NULL,
    CONSTRAINT "PK_ClientCoManagers" PRIMARY KEY ("ClientId", "EmployeeId"),
    CONSTRAINT "FK_ClientCoManagers_AspNetUsers_EmployeeId" FOREIGN KEY ("EmployeeId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ClientCoManagers_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "ClientTags" (
    "ClientId" INTEGER NOT NULL,
    "Tag" TEXT NOT NULL,
    CONSTRAINT "PK_ClientTags" PRIMARY KEY ("ClientId", "Tag"),
    CONSTRAINT "FK_ClientTags_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE
);
INSERT INTO ClientTags VALUES(2,'Stammkunde');
INSERT INTO ClientTags VALUES(2,'опт');
INSERT INTO ClientTags VALUES(2,'сезонный');
INSERT INTO ClientTags VALUES(4,'Stammkunde');
INSERT INTO ClientTags VALUES(8,'регион');
INSERT INTO ClientTags VALUES(12,'Neukunde');
INSERT INTO ClientTags VALUES(14,'Neukunde');
INSERT INTO ClientTags VALUES(16,'Neukunde');
INSERT INTO ClientTags VALUES(17,'vip');
INSERT INTO ClientTags VALUES(17,'опт');
INSERT INTO ClientTags VALUES(23,'выставка-2025');
INSERT INTO ClientTags VALUES(27,'Stammkunde');
INSERT INTO ClientTags VALUES(32,'сезонный');
INSERT INTO ClientTags VALUES(33,'Stammkunde');
INSERT INTO ClientTags VALUES(36,'Stammkunde');
INSERT INTO ClientTags VALUES(36,'сезонный');
INSERT INTO ClientTags VALUES(36,'тендер');
INSERT INTO ClientTags VALUES(38,'Neukunde');
CREATE TABLE IF NOT EXISTS "ContactPersons" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContactPersons" PRIMARY KEY AUTOINCREMENT,
    "ClientId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Position" TEXT NULL,
    "Phones" TEXT NOT NULL,
    "Emails" TEXT NOT NULL,
    "Messenger" TEXT NULL,
    "Birthday" TEXT NULL,
    "PreferredLanguage" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Consents" TEXT NULL,
    CONSTRAINT "FK_ContactPersons_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE
);
INSERT INTO ContactPersons VALUES(1,1,'Павел Новиков','Главный бухгалтер','["\u002B79144326143"]','["pavel.novikov2@etalongrupp.ru"]',NULL,NULL,'ru','2026-09-19 09:28:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2026-09-19 09:28:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(2,2,'Андрей Семёнов','Einkaufsleiter','["\u002B79902659399"]','["andrey.semenov3@gorizontmarket.ru"]',NULL,NULL,'ru','2026-06-03 12:32:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":false,"RecordedAt":"2026-06-03 12:32:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(3,4,'Monika Klein','Einkaufsleiter','["\u002B491703923326"]','["monika.klein4@wolfvertrieb.de"]',NULL,NULL,'de','2024-01-14 13:01:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":false,"RecordedAt":"2024-01-14 13:01:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(4,4,'Lukas Koch','Geschäftsführer','["\u002B491709299914"]','["lukas.koch5@wolfvertrieb.de"]',NULL,'1968-06-25','de','2024-01-14 13:01:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2024-01-14 13:01:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(5,4,'Katrin Koch','Менеджер по закупкам','["\u002B491708818177"]','["katrin.koch6@wolfvertrieb.de"]',NULL,NULL,'de','2024-01-14 13:01:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2024-01-14 13:01:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(6,5,'Sabine Meyer','Inhaber','["\u002B491705650792"]','["sabine.meyer7@hoffmannlogistik.de"]',NULL,'1978-03-06','de','2026-07-30 11:49:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":false,"RecordedAt":"2026-07-30 11:49:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(7,5,'Andreas Fischer','Менеджер по закупкам','["\u002B491706349359"]','["andreas.fischer8@hoffmannlogistik.de"]',NULL,'1961-12-07','de','2026-07-30 11:49:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2026-07-30 11:49:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(8,5,'Monika Klein','Главный бухгалтер','["\u002B491705026228"]','["monika.klein9@hoffmannlogistik.de"]',NULL,'1997-10-04','de','2026-07-30 11:49:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2026-07-30 11:49:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(9,6,'Михаил Соколов','Inhaber','["\u002B79228587898"]','["mihail.sokolov10@lidergrupp.ru"]',NULL,'1974-09-13','ru','2023-12-15 15:33:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2023-12-15 15:33:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(10,7,'Jürgen Weber','Einkaufsleiter','["\u002B491707602360"]','["juergen.weber11@schwarzhandel.de"]',NULL,'1981-09-08','de','2026-07-17 13:53:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2026-07-17 13:53:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(11,8,'Анна Михайлов','Директор','["\u002B79909279700"]','["anna.mihaylov12@forvardgrupp.ru"]',NULL,'1995-06-26','ru','2025-02-10 14:07:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2025-02-10 14:07:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(12,8,'Анна Иванов','Einkaufsleiter','["\u002B79768467350"]','["anna.ivanov13@forvardgrupp.ru"]',NULL,'1980-12-03','ru','2025-02-10 14:07:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2025-02-10 14:07:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(13,9,'Елена Михайлов','Директор','["\u002B79678795597"]','["elena.mihaylov14@kvantkomplekt.ru"]',NULL,NULL,'ru','2024-10-14 17:49:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2024-10-14 17:49:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(14,9,'Михаил Смирнов','Директор','["\u002B79857977655"]','["mihail.smirnov15@kvantkomplekt.ru"]',NULL,NULL,'ru','2024-10-14 17:49:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2024-10-14 17:49:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(15,9,'Юлия Волков','Закупщик','["\u002B79925144097"]','["yuliya.volkov16@kvantkomplekt.ru"]',NULL,'1970-07-12','ru','2024-10-14 17:49:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":false,"RecordedAt":"2024-10-14 17:49:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(16,11,'Дмитрий Фёдоров','Inhaber','["\u002B79921305112"]','["dmitriy.fedorov17@torgservis.ru"]',NULL,NULL,'ru','2023-12-08 12:31:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":false,"RecordedAt":"2023-12-08 12:31:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(17,11,'Сергей Алексеев','Inhaber','["\u002B79531482513"]','["sergey.alekseev18@torgservis.ru"]',NULL,'1962-02-06','ru','2023-12-08 12:31:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2023-12-08 12:31:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(18,12,'Наталья Морозов','Главный бухгалтер','["\u002B79578093308"]','["natalya.morozov19@volgaprom.ru"]',NULL,'1979-04-28','ru','2024-02-26 11:07:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2024-02-26 11:07:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(19,13,'Stefan Schmidt','Geschäftsführer','["\u002B491704761221"]','["stefan.schmidt20@neumannelektro.de"]',NULL,NULL,'de','2025-02-17 14:10:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":false,"RecordedAt":"2025-02-17 14:10:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(20,13,'Stefan Schmidt','Закупщик','["\u002B491704219888"]','["stefan.schmidt21@neumannelektro.de"]',NULL,'1987-12-16','de','2025-02-17 14:10:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":false,"RecordedAt":"2025-02-17 14:10:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(21,17,'Christian Koch','Inhaber','["\u002B491703665508"]','["christian.koch22@koehlerbau.de"]',NULL,'1997-01-21','de','2025-02-20 11:31:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":false,"RecordedAt":"2025-02-20 11:31:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(22,17,'Claudia Koch','Inhaber','["\u002B491708656089"]','["claudia.koch23@koehlerbau.de"]',NULL,'1990-10-15','de','2025-02-20 11:31:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2025-02-20 11:31:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(23,17,'Julia Weber','Менеджер по закупкам','["\u002B491706721291"]','["julia.weber24@koehlerbau.de"]',NULL,NULL,'de','2025-02-20 11:31:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":false,"RecordedAt":"2025-02-20 11:31:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(24,18,'Александр Петров','Закупщик','["\u002B79455435161"]','["aleksandr.petrov25@torgtreyd.ru"]',NULL,'1998-10-22','ru','2024-03-29 08:34:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2024-03-29 08:34:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(25,18,'Анна Васильев','Главный бухгалтер','["\u002B79942363436"]','["anna.vasilev26@torgtreyd.ru"]',NULL,NULL,'ru','2024-03-29 08:34:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2024-03-29 08:34:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(26,18,'Юлия Семёнов','Директор','["\u002B79229632767"]','["yuliya.semenov27@torgtreyd.ru"]',NULL,NULL,'ru','2024-03-29 08:34:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":false,"RecordedAt":"2024-03-29 08:34:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(27,19,'Наталья Кузнецов','Закупщик','["\u002B79975395585"]','["natalya.kuznetsov28@atlantservis.ru"]',NULL,'1970-01-07','ru','2024-06-19 13:49:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2024-06-19 13:49:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(28,19,'Павел Алексеев','Главный бухгалтер','["\u002B79973906223"]','["pavel.alekseev29@atlantservis.ru"]',NULL,'1966-02-21','ru','2024-06-19 13:49:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":false,"RecordedAt":"2024-06-19 13:49:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(29,20,'Татьяна Кузнецов','Закупщик','["\u002B79128590636"]','["tatyana.kuznetsov30@granitprom.ru"]',NULL,NULL,'ru','2025-01-08 17:45:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2025-01-08 17:45:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(30,20,'Юлия Волков','Главный бухгалтер','["\u002B79426173319"]','["yuliya.volkov31@granitprom.ru"]',NULL,NULL,'ru','2025-01-08 17:45:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":false,"RecordedAt":"2025-01-08 17:45:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(31,21,'Дмитрий Морозов','Закупщик','["\u002B79651334798"]','["dmitriy.morozov32@sibirtreyd.ru"]',NULL,'1964-01-09','ru','2024-01-03 16:30:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":false,"RecordedAt":"2024-01-03 16:30:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(32,23,'Татьяна Семёнов','Inhaber','["\u002B79978856109"]','["tatyana.semenov33@volgagrupp.ru"]',NULL,'1965-10-28','ru','2024-09-28 11:05:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2024-09-28 11:05:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(33,24,'Дмитрий Семёнов','Главный бухгалтер','["\u002B79343550373"]','["dmitriy.semenov34@vostokinvest.ru"]',NULL,'1980-06-08','ru','2025-04-25 10:46:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2025-04-25 10:46:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(34,24,'Ольга Фёдоров','Einkaufsleiter','["\u002B79408292811"]','["olga.fedorov35@vostokinvest.ru"]',NULL,'1977-07-02','ru','2025-04-25 10:46:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2025-04-25 10:46:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(35,24,'Татьяна Алексеев','Закупщик','["\u002B79755853783"]','["tatyana.alekseev36@vostokinvest.ru"]',NULL,NULL,'ru','2025-04-25 10:46:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":false,"RecordedAt":"2025-04-25 10:46:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(36,25,'Ирина Петров','Директор','["\u002B79404447975"]','["irina.petrov37@tehnologistik.ru"]',NULL,NULL,'ru','2025-02-22 18:34:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2025-02-22 18:34:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(37,25,'Мария Фёдоров','Менеджер по закупкам','["\u002B79828029407"]','["mariya.fedorov38@tehnologistik.ru"]',NULL,NULL,'ru','2025-02-22 18:34:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2025-02-22 18:34:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(38,25,'Мария Лебедев','Главный бухгалтер','["\u002B79275468178"]','["mariya.lebedev39@tehnologistik.ru"]',NULL,NULL,'ru','2025-02-22 18:34:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2025-02-22 18:34:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(39,26,'Юлия Морозов','Inhaber','["\u002B79173463072"]','["yuliya.morozov40@pulsservis.ru"]',NULL,'1977-09-21','ru','2026-01-25 13:10:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2026-01-25 13:10:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(40,28,'Елена Семёнов','Менеджер по закупкам','["\u002B79373752375"]','["elena.semenov41@favoritservis.ru"]',NULL,NULL,'ru','2025-12-23 14:06:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2025-12-23 14:06:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(41,28,'Мария Михайлов','Inhaber','["\u002B79697670996"]','["mariya.mihaylov42@favoritservis.ru"]',NULL,'1963-12-28','ru','2025-12-23 14:06:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2025-12-23 14:06:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(42,30,'Ольга Петров','Главный бухгалтер','["\u002B79524672956"]','["olga.petrov43@sibirprom.ru"]',NULL,NULL,'ru','2025-04-06 09:25:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2025-04-06 09:25:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(43,30,'Мария Соколов','Главный бухгалтер','["\u002B79792788955"]','["mariya.sokolov44@sibirprom.ru"]',NULL,NULL,'ru','2025-04-06 09:25:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2025-04-06 09:25:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(44,30,'Александр Петров','Einkaufsleiter','["\u002B79731691202"]','["aleksandr.petrov45@sibirprom.ru"]',NULL,NULL,'ru','2025-04-06 09:25:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2025-04-06 09:25:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(45,31,'Елена Фёдоров','Inhaber','["\u002B79141237103"]','["elena.fedorov46@stroyplyus.ru"]',NULL,NULL,'ru','2024-03-15 13:11:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2024-03-15 13:11:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(46,32,'Felix Weber','Einkaufsleiter','["\u002B491703322222"]','["felix.weber47@beckerdruck.de"]',NULL,'1966-02-14','de','2025-02-16 10:34:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2025-02-16 10:34:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(47,32,'Jürgen Müller','Inhaber','["\u002B491705996751"]','["juergen.mueller48@beckerdruck.de"]',NULL,NULL,'de','2025-02-16 10:34:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2025-02-16 10:34:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(48,33,'Юлия Петров','Главный бухгалтер','["\u002B79905711690"]','["yuliya.petrov49@partnergrupp.ru"]',NULL,'1996-01-12','ru','2026-10-03 17:42:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2026-10-03 17:42:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(49,33,'Александр Фёдоров','Geschäftsführer','["\u002B79417502057"]','["aleksandr.fedorov50@partnergrupp.ru"]',NULL,'1991-04-02','ru','2026-10-03 17:42:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2026-10-03 17:42:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(50,33,'Михаил Волков','Geschäftsführer','["\u002B79243442959"]','["mihail.volkov51@partnergrupp.ru"]',NULL,'1999-01-13','ru','2026-10-03 17:42:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2026-10-03 17:42:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(51,34,'Анна Смирнов','Inhaber','["\u002B79714451437"]','["anna.smirnov52@forvardsnab.ru"]',NULL,'1989-06-01','ru','2026-11-06 10:06:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2026-11-06 10:06:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(52,35,'Елена Алексеев','Einkaufsleiter','["\u002B79978993720"]','["elena.alekseev53@granitkomplekt.ru"]',NULL,'1973-02-04','ru','2025-09-09 15:37:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2025-09-09 15:37:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(53,36,'Claudia Müller','Директор','["\u002B491701081024"]','["claudia.mueller54@kleindruck.de"]',NULL,'1985-06-08','de','2025-04-14 14:58:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2025-04-14 14:58:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(54,39,'Татьяна Васильев','Einkaufsleiter','["\u002B79707230529"]','["tatyana.vasilev55@sibirprom.ru"]',NULL,NULL,'ru','2024-07-24 18:41:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2024-07-24 18:41:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(55,39,'Елена Кузнецов','Менеджер по закупкам','["\u002B79135671816"]','["elena.kuznetsov56@sibirprom.ru"]',NULL,'1977-03-19','ru','2024-07-24 18:41:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2024-07-24 18:41:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(56,39,'Алексей Кузнецов','Geschäftsführer','["\u002B79341061947"]','["aleksey.kuznetsov57@sibirprom.ru"]',NULL,NULL,'ru','2024-07-24 18:41:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2024-07-24 18:41:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(57,40,'Ольга Морозов','Главный бухгалтер','["\u002B79872042871"]','["olga.morozov58@stroylogistik.ru"]',NULL,'1989-04-21','ru','2026-02-05 12:19:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":true,"RecordedAt":"2026-02-05 12:19:00","Source":"web form"}]');
INSERT INTO ContactPersons VALUES(58,40,'Наталья Кузнецов','Главный бухгалтер','["\u002B79277232787"]','["natalya.kuznetsov59@stroylogistik.ru"]',NULL,NULL,'ru','2026-02-05 12:19:00','2026-12-06 19:55:10.7109546',1,'[{"Channel":0,"Granted":false,"RecordedAt":"2026-02-05 12:19:00","Source":"web form"}]');
CREATE TABLE IF NOT EXISTS "Purchases" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Purchases" PRIMARY KEY AUTOINCREMENT,
    "ClientId" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Discount" TEXT NOT NULL,
    "Bonus" TEXT NOT NULL,
    "Kickback" TEXT NOT NULL,
    "Total" TEXT NOT NULL,
    "CostOfGoods" TEXT NOT NULL,
    "Currency" TEXT NOT NULL,
    "PaymentDue" TEXT NULL,
    "PaidOn" TEXT NULL,
    "ManagerId" INTEGER NULL,
    "Number" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL, "RateToBase" TEXT NOT NULL DEFAULT '1.0',
    CONSTRAINT "FK_Purchases_AspNetUsers_ManagerId" FOREIGN KEY ("ManagerId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Purchases_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE
);
INSERT INTO Purchases VALUES(1,11,'2023-12-08 10:00:00','0.0','0.0','0.0','73508.0','48046.0','RUB','2024-01-07','2024-01-06',7,'2023-000001','2023-12-08 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(2,6,'2023-12-15 10:00:00','2710.91','0.0','2051.9','38327.09','23945.8','RUB','2023-12-29','2023-12-27',2,'2023-000002','2023-12-15 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(3,21,'2024-01-03 10:00:00','0.0','0.0','0.0','23672.0','15262.42','RUB','2024-01-17','2024-01-10',5,'2024-000003','2024-01-03 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(4,6,'2024-01-05 18:51:00','588.57','0.0','0.0','23963.43','12464.94','RUB','2024-02-04','2024-01-31',2,'2024-000004','2024-01-05 18:51:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(5,6,'2024-01-14 01:25:00','3932.86','0.0','0.0','57627.14','43065.24','RUB','2024-01-28','2024-01-26',2,'2024-000005','2024-01-14 01:25:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(6,4,'2024-01-14 10:00:00','0.0','0.0','0.0','1596.55','1157.49','EUR','2024-01-28','2024-02-13',3,'2024-000006','2024-01-14 10:00:00','2026-12-06 19:55:10.8067501',1,'96.2554');
INSERT INTO Purchases VALUES(7,4,'2024-02-07 22:24:00','0.0','0.0','0.0','751.2','454.8','EUR','2024-02-21','2024-02-13',3,'2024-000007','2024-02-07 22:24:00','2026-12-06 19:55:10.8067501',1,'97.1215');
INSERT INTO Purchases VALUES(8,3,'2024-02-17 10:00:00','8509.48','0.0','0.0','84870.52','67402.6','RUB','2024-03-18','2024-03-11',5,'2024-000008','2024-02-17 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(9,12,'2024-02-26 10:00:00','0.0','0.0','0.0','35031.0','18064.38','RUB','2024-03-27','2024-05-16',4,'2024-000009','2024-02-26 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(10,31,'2024-03-15 10:00:00','0.0','0.0','0.0','107513.0','69659.42','RUB','2024-04-14','2024-05-04',4,'2024-000010','2024-03-15 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(11,11,'2024-03-20 07:29:00','0.0','0.0','0.0','61139.0','35328.14','RUB','2024-04-03','2024-04-03',7,'2024-000011','2024-03-20 07:29:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(12,18,'2024-03-29 10:00:00','0.0','0.0','0.0','206036.0','118034.21','RUB','2024-04-12','2024-04-08',6,'2024-000012','2024-03-29 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(13,6,'2024-03-31 00:45:00','0.0','0.0','0.0','30574.0','16734.6','RUB','2024-04-30','2024-04-26',2,'2024-000013','2024-03-31 00:45:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(14,10,'2024-04-25 10:00:00','1845.38','0.0','0.0','36280.62','23748.49','RUB','2024-05-25','2024-05-24',3,'2024-000014','2024-04-25 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(15,3,'2024-05-12 11:03:00','1259.9','0.0','0.0','70714.1','47625.94','RUB','2024-05-26','2024-06-11',5,'2024-000015','2024-05-12 11:03:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(16,31,'2024-05-14 14:57:00','3980.96','0.0','0.0','54463.04','30934.2','RUB','2024-05-28','2024-05-24',4,'2024-000016','2024-05-14 14:57:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(17,19,'2024-06-19 10:00:00','3029.27','0.0','0.0','21327.73','11363.82','RUB','2024-07-19','2024-08-04',4,'2024-000017','2024-06-19 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(18,31,'2024-06-27 13:07:00','0.0','0.0','0.0','47424.0','23784.41','RUB','2024-07-27','2024-07-31',4,'2024-000018','2024-06-27 13:07:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(19,22,'2024-07-21 10:00:00','0.0','0.0','0.0','346.97','233.25','EUR','2024-08-04','2024-08-01',7,'2024-000019','2024-07-21 10:00:00','2026-12-06 19:55:10.8067501',1,'96.9147');
INSERT INTO Purchases VALUES(20,39,'2024-07-24 10:00:00','0.0','0.0','0.0','29157.0','16609.26','RUB','2024-08-07','2024-08-17',6,'2024-000020','2024-07-24 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(21,22,'2024-08-02 15:45:00','0.0','0.0','0.0','259.41','156.51','EUR','2024-09-01','2024-08-29',7,'2024-000021','2024-08-02 15:45:00','2026-12-06 19:55:10.8067501',1,'95.9776');
INSERT INTO Purchases VALUES(22,39,'2024-08-10 17:21:00','0.0','0.0','0.0','38355.0','24175.94','RUB','2024-08-24','2024-08-16',6,'2024-000022','2024-08-10 17:21:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(23,6,'2024-08-19 10:16:00','181.59','0.0','0.0','53135.41','35588.71','RUB','2024-09-18','2024-09-17',2,'2024-000023','2024-08-19 10:16:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(24,22,'2024-08-28 17:03:00','82.11','0.0','0.0','497.61','392.11','EUR','2024-09-27','2024-09-24',7,'2024-000024','2024-08-28 17:03:00','2026-12-06 19:55:10.8067501',1,'95.9776');
INSERT INTO Purchases VALUES(25,3,'2024-08-30 04:58:00','0.0','0.0','0.0','63405.0','40399.5','RUB','2024-09-29','2024-09-25',5,'2024-000025','2024-08-30 04:58:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(26,22,'2024-09-01 06:39:00','0.0','0.0','0.0','582.25','346.98','EUR','2024-09-15','2024-09-08',7,'2024-000026','2024-09-01 06:39:00','2026-12-06 19:55:10.8067501',1,'94.8021');
INSERT INTO Purchases VALUES(27,22,'2024-09-13 17:52:00','0.0','0.0','0.0','218.43','120.83','EUR','2024-09-27','2024-09-20',7,'2024-000027','2024-09-13 17:52:00','2026-12-06 19:55:10.8067501',1,'94.8021');
INSERT INTO Purchases VALUES(28,3,'2024-09-16 06:52:00','4005.54','979.68','0.0','28650.46','18416.11','RUB','2024-09-30','2024-09-24',5,'2024-000028','2024-09-16 06:52:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(29,4,'2024-09-20 15:51:00','63.1','0.0','0.0','398.12','332.1','EUR','2024-10-20','2024-11-05',3,'2024-000029','2024-09-20 15:51:00','2026-12-06 19:55:10.8067501',1,'94.8021');
INSERT INTO Purchases VALUES(30,3,'2024-09-22 20:31:00','0.0','0.0','0.0','20648.0','11464.6','RUB','2024-10-06','2024-09-29',5,'2024-000030','2024-09-22 20:31:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(31,22,'2024-09-25 02:16:00','0.0','0.0','0.0','390.15','218.93','EUR','2024-10-09','2024-10-04',7,'2024-000031','2024-09-25 02:16:00','2026-12-06 19:55:10.8067501',1,'94.8021');
INSERT INTO Purchases VALUES(32,4,'2024-09-26 08:08:00','0.0','0.0','0.0','461.22','332.1','EUR','2024-10-26','2024-10-22',3,'2024-000032','2024-09-26 08:08:00','2026-12-06 19:55:10.8067501',1,'94.8021');
INSERT INTO Purchases VALUES(33,23,'2024-09-28 10:00:00','0.0','0.0','0.0','112510.0','74522.42','RUB','2024-10-28','2024-12-10',7,'2024-000033','2024-09-28 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(34,22,'2024-09-28 15:52:00','44.86','0.0','0.0','300.69','242.19','EUR','2024-10-28','2024-12-10',7,'2024-000034','2024-09-28 15:52:00','2026-12-06 19:55:10.8067501',1,'94.8021');
INSERT INTO Purchases VALUES(35,3,'2024-10-03 09:44:00','7407.68','0.0','0.0','55030.32','35331.58','RUB','2024-11-02','2024-10-28',5,'2024-000035','2024-10-03 09:44:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(36,6,'2024-10-03 18:01:00','0.0','0.0','0.0','59974.0','37348.51','RUB','2024-11-02','2024-10-29',2,'2024-000036','2024-10-03 18:01:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(37,6,'2024-10-04 09:59:00','0.0','0.0','1595.2','31904.0','17291.76','RUB','2024-11-03','2024-10-29',2,'2024-000037','2024-10-04 09:59:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(38,6,'2024-10-11 11:36:00','0.0','0.0','1820.4','36408.0','21399.53','RUB','2024-11-10','2024-11-09',2,'2024-000038','2024-10-11 11:36:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(39,31,'2024-10-12 21:48:00','1421.83','0.0','0.0','29550.17','17196.9','RUB','2024-10-26','2024-10-22',4,'2024-000039','2024-10-12 21:48:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(40,9,'2024-10-14 10:00:00','1133.9','0.0','0.0','11142.1','6232.47','RUB','2024-11-13','2024-12-19',4,'2024-000040','2024-10-14 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(41,22,'2024-10-20 04:58:00','0.0','0.0','0.0','297.5','170.95','EUR','2024-11-19','2024-11-11',7,'2024-000041','2024-10-20 04:58:00','2026-12-06 19:55:10.8067501',1,'93.4352');
INSERT INTO Purchases VALUES(42,22,'2024-10-21 01:05:00','0.0','0.0','0.0','384.15','239.08','EUR','2024-11-04','2024-11-01',7,'2024-000042','2024-10-21 01:05:00','2026-12-06 19:55:10.8067501',1,'93.4352');
INSERT INTO Purchases VALUES(43,12,'2024-10-25 10:36:00','0.0','0.0','0.0','15457.0','9785.41','RUB','2024-11-24','2024-11-20',4,'2024-000043','2024-10-25 10:36:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(44,22,'2024-10-31 00:07:00','68.02','0.0','0.0','400.63','332.2','EUR','2024-11-14','2024-11-09',7,'2024-000044','2024-10-31 00:07:00','2026-12-06 19:55:10.8067501',1,'93.4352');
INSERT INTO Purchases VALUES(45,6,'2024-11-04 13:53:00','0.0','0.0','0.0','47849.0','29628.48','RUB','2024-12-04','2024-11-25',2,'2024-000045','2024-11-04 13:53:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(46,6,'2024-11-04 18:27:00','0.0','0.0','2433.7','48674.0','26782.52','RUB','2024-11-18','2024-11-12',2,'2024-000046','2024-11-04 18:27:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(47,39,'2024-11-21 06:50:00','0.0','0.0','0.0','63008.0','40408.32','RUB','2024-12-05','2024-11-29',6,'2024-000047','2024-11-21 06:50:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(48,3,'2024-12-04 22:17:00','0.0','0.0','0.0','52118.0','26631.66','RUB','2025-01-03','2025-01-01',5,'2024-000048','2024-12-04 22:17:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(49,22,'2024-12-08 06:21:00','0.0','0.0','0.0','796.35','473.45','EUR','2025-01-07','2024-12-29',7,'2024-000049','2024-12-08 06:21:00','2026-12-06 19:55:10.8067501',1,'90.3506');
INSERT INTO Purchases VALUES(50,10,'2024-12-09 11:30:00','0.0','0.0','0.0','27728.0','17081.17','RUB','2024-12-23','2024-12-21',3,'2024-000050','2024-12-09 11:30:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(51,22,'2024-12-09 12:33:00','0.0','6.4','0.0','213.36','133.17','EUR','2024-12-23','2024-12-20',7,'2024-000051','2024-12-09 12:33:00','2026-12-06 19:55:10.8067501',1,'90.3506');
INSERT INTO Purchases VALUES(52,22,'2024-12-25 12:09:00','0.0','0.0','0.0','344.16','191.1','EUR','2025-01-08','2025-02-24',7,'2024-000052','2024-12-25 12:09:00','2026-12-06 19:55:10.8067501',1,'90.3506');
INSERT INTO Purchases VALUES(53,9,'2025-01-07 04:01:00','0.0','0.0','0.0','27092.0','17423.52','RUB','2025-01-21','2025-01-15',4,'2025-000053','2025-01-07 04:01:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(54,20,'2025-01-08 10:00:00','2480.43','0.0','0.0','25062.57','18003.06','RUB','2025-02-07','2025-02-05',2,'2025-000054','2025-01-08 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(55,31,'2025-01-09 14:26:00','0.0','0.0','0.0','83022.0','59778.24','RUB','2025-01-23','2025-01-14',4,'2025-000055','2025-01-09 14:26:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(56,6,'2025-01-14 06:54:00','3406.72','0.0','1559.85','27790.28','19690.8','RUB','2025-02-13','2025-02-04',2,'2025-000056','2025-01-14 06:54:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(57,39,'2025-01-17 16:56:00','0.0','0.0','0.0','47130.0','27749.4','RUB','2025-01-31','2025-01-26',6,'2025-000057','2025-01-17 16:56:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(58,4,'2025-01-30 06:18:00','0.0','0.0','0.0','317.87','189.11','EUR','2025-03-01','2025-02-23',3,'2025-000058','2025-01-30 06:18:00','2026-12-06 19:55:10.8067501',1,'88.7558');
INSERT INTO Purchases VALUES(59,22,'2025-02-04 20:38:00','66.07','0.0','0.0','434.01','320.44','EUR','2025-02-18','2025-02-12',7,'2025-000059','2025-02-04 20:38:00','2026-12-06 19:55:10.8067501',1,'87.2105');
INSERT INTO Purchases VALUES(60,22,'2025-02-05 01:58:00','0.0','0.0','0.0','132.26','96.81','EUR','2025-02-19','2025-02-11',7,'2025-000060','2025-02-05 01:58:00','2026-12-06 19:55:10.8067501',1,'87.2105');
INSERT INTO Purchases VALUES(61,8,'2025-02-10 10:00:00','0.0','0.0','0.0','33495.0','23890.24','RUB','2025-02-24','2025-03-10',4,'2025-000061','2025-02-10 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(62,22,'2025-02-12 07:48:00','27.69','0.0','0.0','251.14','182.28','EUR','2025-02-26','2025-02-26',7,'2025-000062','2025-02-12 07:48:00','2026-12-06 19:55:10.8067501',1,'87.2105');
INSERT INTO Purchases VALUES(63,32,'2025-02-16 10:00:00','0.0','0.0','0.0','657.1','447.67','EUR','2025-03-02','2025-02-25',4,'2025-000063','2025-02-16 10:00:00','2026-12-06 19:55:10.8067501',1,'87.2105');
INSERT INTO Purchases VALUES(64,13,'2025-02-17 10:00:00','0.0','0.0','0.0','308.91','171.4','EUR','2025-03-03','2025-02-26',4,'2025-000064','2025-02-17 10:00:00','2026-12-06 19:55:10.8067501',1,'87.2105');
INSERT INTO Purchases VALUES(65,17,'2025-02-20 10:00:00','0.0','0.0','0.0','375.4','277.12','EUR','2025-03-06','2025-02-28',7,'2025-000065','2025-02-20 10:00:00','2026-12-06 19:55:10.8067501',1,'87.2105');
INSERT INTO Purchases VALUES(66,32,'2025-02-22 05:33:00','100.58','0.0','0.0','948.15','748.03','EUR','2025-03-24','2025-04-11',4,'2025-000066','2025-02-22 05:33:00','2026-12-06 19:55:10.8067501',1,'87.2105');
INSERT INTO Purchases VALUES(67,25,'2025-02-22 10:00:00','0.0','0.0','0.0','14214.0','7263.18','RUB','2025-03-08','2025-03-08',5,'2025-000067','2025-02-22 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(68,17,'2025-02-24 12:56:00','0.0','0.0','0.0','419.99','266.09','EUR','2025-03-10','2025-03-04',7,'2025-000068','2025-02-24 12:56:00','2026-12-06 19:55:10.8067501',1,'87.2105');
INSERT INTO Purchases VALUES(69,22,'2025-02-25 22:09:00','0.0','0.0','0.0','488.45','314.55','EUR','2025-03-27','2025-03-19',7,'2025-000069','2025-02-25 22:09:00','2026-12-06 19:55:10.8067501',1,'87.2105');
INSERT INTO Purchases VALUES(70,38,'2025-02-26 10:00:00','0.0','0.0','0.0','9258.0','6041.34','RUB','2025-03-28','2025-04-26',6,'2025-000070','2025-02-26 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(71,20,'2025-02-28 23:21:00','0.0','0.0','0.0','17709.0','11158.22','RUB','2025-03-30','2025-03-23',2,'2025-000071','2025-02-28 23:21:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(72,32,'2025-03-11 02:31:00','20.01','7.94','0.0','244.51','193.62','EUR','2025-04-10','2025-04-09',4,'2025-000072','2025-03-11 02:31:00','2026-12-06 19:55:10.8067501',1,'85.7765');
INSERT INTO Purchases VALUES(73,22,'2025-03-13 09:31:00','0.0','0.0','0.0','320.55','196.85','EUR','2025-03-27','2025-05-18',7,'2025-000073','2025-03-13 09:31:00','2026-12-06 19:55:10.8067501',1,'85.7765');
INSERT INTO Purchases VALUES(74,17,'2025-03-20 11:14:00','0.0','0.0','0.0','681.09','450.61','EUR','2025-04-03','2025-03-29',7,'2025-000074','2025-03-20 11:14:00','2026-12-06 19:55:10.8067501',1,'85.7765');
INSERT INTO Purchases VALUES(75,17,'2025-03-23 01:08:00','0.0','0.0','0.0','374.22','250.87','EUR','2025-04-22','2025-04-18',7,'2025-000075','2025-03-23 01:08:00','2026-12-06 19:55:10.8067501',1,'85.7765');
INSERT INTO Purchases VALUES(76,32,'2025-03-23 03:46:00','19.91','0.0','0.0','554.05','409.02','EUR','2025-04-22','2025-04-15',4,'2025-000076','2025-03-23 03:46:00','2026-12-06 19:55:10.8067501',1,'85.7765');
INSERT INTO Purchases VALUES(77,11,'2025-03-23 16:55:00','0.0','0.0','1877.45','37549.0','23641.86','RUB','2025-04-06','2025-03-28',7,'2025-000077','2025-03-23 16:55:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(78,31,'2025-03-29 23:46:00','0.0','0.0','0.0','112122.0','70424.82','RUB','2025-04-28','2025-04-29',4,'2025-000078','2025-03-29 23:46:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(79,32,'2025-04-05 03:04:00','0.0','24.4','0.0','813.24','553.96','EUR','2025-04-19','2025-04-11',4,'2025-000079','2025-04-05 03:04:00','2026-12-06 19:55:10.8067501',1,'84.5109');
INSERT INTO Purchases VALUES(80,30,'2025-04-06 10:00:00','0.0','0.0','0.0','68541.0','42605.82','RUB','2025-05-06','2025-05-02',2,'2025-000080','2025-04-06 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(81,30,'2025-04-08 14:21:00','0.0','0.0','0.0','36918.0','24526.56','RUB','2025-04-22','2025-04-13',2,'2025-000081','2025-04-08 14:21:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(82,22,'2025-04-11 05:08:00','0.45','0.0','0.0','351.57','227.88','EUR','2025-05-11','2025-05-03',7,'2025-000082','2025-04-11 05:08:00','2026-12-06 19:55:10.8067501',1,'84.5109');
INSERT INTO Purchases VALUES(83,36,'2025-04-14 10:00:00','0.0','0.0','0.0','341.44','249.26','EUR','2025-04-28','2025-04-20',5,'2025-000083','2025-04-14 10:00:00','2026-12-06 19:55:10.8067501',1,'84.5109');
INSERT INTO Purchases VALUES(84,22,'2025-04-18 14:07:00','0.0','0.0','0.0','302.42','202.26','EUR','2025-05-02','2025-04-29',7,'2025-000084','2025-04-18 14:07:00','2026-12-06 19:55:10.8067501',1,'84.5109');
INSERT INTO Purchases VALUES(85,25,'2025-04-19 18:51:00','1227.21','0.0','0.0','19420.79','11464.6','RUB','2025-05-19','2025-07-02',5,'2025-000085','2025-04-19 18:51:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(86,17,'2025-04-21 07:04:00','0.0','0.0','0.0','187.7','138.56','EUR','2025-05-05','2025-04-27',7,'2025-000086','2025-04-21 07:04:00','2026-12-06 19:55:10.8067501',1,'84.5109');
INSERT INTO Purchases VALUES(87,32,'2025-04-21 12:02:00','0.0','0.0','0.0','360.84','168.36','EUR','2025-05-21','2025-06-09',4,'2025-000087','2025-04-21 12:02:00','2026-12-06 19:55:10.8067501',1,'84.5109');
INSERT INTO Purchases VALUES(88,4,'2025-04-22 12:16:00','0.0','0.0','0.0','533.84','342.23','EUR','2025-05-06','2025-05-02',3,'2025-000088','2025-04-22 12:16:00','2026-12-06 19:55:10.8067501',1,'84.5109');
INSERT INTO Purchases VALUES(89,20,'2025-04-22 20:59:00','4631.54','0.0','0.0','30980.46','24827.62','RUB','2025-05-22','2025-05-14',2,'2025-000089','2025-04-22 20:59:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(90,18,'2025-04-23 07:06:00','0.0','1777.14','0.0','59238.0','30916.56','RUB','2025-05-23','2025-05-20',6,'2025-000090','2025-04-23 07:06:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(91,32,'2025-05-01 00:27:00','65.58','0.0','0.0','740.66','460.66','EUR','2025-05-31','2025-05-28',4,'2025-000091','2025-05-01 00:27:00','2026-12-06 19:55:10.8067501',1,'83.4641');
INSERT INTO Purchases VALUES(92,8,'2025-05-02 02:29:00','4.9','0.0','0.0','15481.1','8598.45','RUB','2025-05-16','2025-05-28',4,'2025-000092','2025-05-02 02:29:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(93,22,'2025-05-03 03:09:00','0.0','0.0','0.0','201.23','122.77','EUR','2025-06-02','2025-05-29',7,'2025-000093','2025-05-03 03:09:00','2026-12-06 19:55:10.8067501',1,'83.4641');
INSERT INTO Purchases VALUES(94,29,'2025-05-04 10:00:00','0.0','0.0','0.0','22149.0','11385.23','RUB','2025-05-18','2025-05-17',7,'2025-000094','2025-05-04 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(95,12,'2025-05-07 05:22:00','0.0','0.0','0.0','14214.0','7263.18','RUB','2025-05-21','2025-05-15',4,'2025-000095','2025-05-07 05:22:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(96,15,'2025-05-07 10:00:00','0.0','0.0','0.0','42179.0','29898.48','RUB','2025-06-06','2025-06-02',7,'2025-000096','2025-05-07 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(97,6,'2025-05-07 17:07:00','623.93','0.0','0.0','14804.07','8019.21','RUB','2025-05-21','2025-05-15',2,'2025-000097','2025-05-07 17:07:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(98,32,'2025-05-17 14:00:00','0.0','16.72','0.0','557.48','356.16','EUR','2025-05-31','2025-05-23',4,'2025-000098','2025-05-17 14:00:00','2026-12-06 19:55:10.8067501',1,'83.4641');
INSERT INTO Purchases VALUES(99,22,'2025-05-22 20:24:00','0.0','0.0','0.0','466.64','301.89','EUR','2025-06-05','2025-05-30',7,'2025-000099','2025-05-22 20:24:00','2026-12-06 19:55:10.8067501',1,'83.4641');
INSERT INTO Purchases VALUES(100,4,'2025-05-23 00:47:00','0.0','0.0','0.0','461.22','332.1','EUR','2025-06-22','2025-06-13',3,'2025-000100','2025-05-23 00:47:00','2026-12-06 19:55:10.8067501',1,'83.4641');
INSERT INTO Purchases VALUES(101,22,'2025-05-24 01:36:00','0.0','0.0','0.0','134.79','74.36','EUR','2025-06-07','2025-06-05',7,'2025-000101','2025-05-24 01:36:00','2026-12-06 19:55:10.8067501',1,'83.4641');
INSERT INTO Purchases VALUES(102,17,'2025-05-26 03:13:00','0.0','0.0','0.0','862.28','521.64','EUR','2025-06-09','2025-06-01',7,'2025-000102','2025-05-26 03:13:00','2026-12-06 19:55:10.8067501',1,'83.4641');
INSERT INTO Purchases VALUES(103,22,'2025-05-27 15:16:00','0.0','0.0','0.0','399.3','220.36','EUR','2025-06-10','2025-06-06',7,'2025-000103','2025-05-27 15:16:00','2026-12-06 19:55:10.8067501',1,'83.4641');
INSERT INTO Purchases VALUES(104,32,'2025-06-01 22:03:00','29.7','0.0','0.0','429.63','298.16','EUR','2025-07-01','2025-06-25',4,'2025-000104','2025-06-01 22:03:00','2026-12-06 19:55:10.8067501',1,'82.6779');
INSERT INTO Purchases VALUES(105,29,'2025-06-02 15:26:00','0.0','0.0','0.0','40565.0','27733.03','RUB','2025-06-16','2025-06-13',7,'2025-000105','2025-06-02 15:26:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(106,32,'2025-06-03 11:04:00','0.0','0.0','0.0','810.6','406.6','EUR','2025-06-17','2025-07-20',4,'2025-000106','2025-06-03 11:04:00','2026-12-06 19:55:10.8067501',1,'82.6779');
INSERT INTO Purchases VALUES(107,38,'2025-06-06 16:56:00','0.0','0.0','0.0','34620.0','21257.58','RUB','2025-07-06','2025-07-01',6,'2025-000107','2025-06-06 16:56:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(108,32,'2025-06-07 14:16:00','16.93','0.0','0.0','345.91','204.63','EUR','2025-07-07','2025-07-07',4,'2025-000108','2025-06-07 14:16:00','2026-12-06 19:55:10.8067501',1,'82.6779');
INSERT INTO Purchases VALUES(109,22,'2025-06-10 23:54:00','0.0','0.0','0.0','375.49','229.66','EUR','2025-06-24','2025-06-17',7,'2025-000109','2025-06-10 23:54:00','2026-12-06 19:55:10.8067501',1,'82.6779');
INSERT INTO Purchases VALUES(110,32,'2025-06-14 22:07:00','0.0','0.0','0.0','328.42','215.34','EUR','2025-06-28','2025-07-16',4,'2025-000110','2025-06-14 22:07:00','2026-12-06 19:55:10.8067501',1,'82.6779');
INSERT INTO Purchases VALUES(111,39,'2025-06-15 16:20:00','0.0','0.0','0.0','36220.0','20322.38','RUB','2025-07-15','2025-07-08',6,'2025-000111','2025-06-15 16:20:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(112,4,'2025-06-16 09:24:00','0.0','0.0','0.0','1066.45','726.9','EUR','2025-07-16','2025-07-16',3,'2025-000112','2025-06-16 09:24:00','2026-12-06 19:55:10.8067501',1,'82.6779');
INSERT INTO Purchases VALUES(113,3,'2025-06-18 07:45:00','0.0','0.0','0.0','41997.0','27170.32','RUB','2025-07-02','2025-06-23',5,'2025-000113','2025-06-18 07:45:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(114,32,'2025-06-27 20:58:00','47.44','0.0','0.0','297.62','247.04','EUR','2025-07-11','2025-08-06',4,'2025-000114','2025-06-27 20:58:00','2026-12-06 19:55:10.8067501',1,'82.6779');
INSERT INTO Purchases VALUES(115,17,'2025-06-29 19:56:00','0.0','0.0','0.0','339.69','178.87','EUR','2025-07-13','2025-07-11',7,'2025-000115','2025-06-29 19:56:00','2026-12-06 19:55:10.8067501',1,'82.6779');
INSERT INTO Purchases VALUES(116,20,'2025-07-05 04:57:00','2183.3','0.0','0.0','17562.7','10305.52','RUB','2025-08-04','2025-07-29',2,'2025-000116','2025-07-05 04:57:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(117,22,'2025-07-06 15:24:00','0.0','10.23','0.0','341.06','218.94','EUR','2025-07-20','2025-07-16',7,'2025-000117','2025-07-06 15:24:00','2026-12-06 19:55:10.8067501',1,'82.1836');
INSERT INTO Purchases VALUES(118,32,'2025-07-07 04:41:00','80.87','20.93','0.0','616.66','376.62','EUR','2025-08-06','2025-07-31',4,'2025-000118','2025-07-07 04:41:00','2026-12-06 19:55:10.8067501',1,'82.1836');
INSERT INTO Purchases VALUES(119,22,'2025-07-09 00:15:00','0.0','0.0','0.0','372.56','240.07','EUR','2025-08-08','2025-08-01',7,'2025-000119','2025-07-09 00:15:00','2026-12-06 19:55:10.8067501',1,'82.1836');
INSERT INTO Purchases VALUES(120,38,'2025-07-09 05:42:00','1640.89','0.0','0.0','18058.11','12255.8','RUB','2025-08-08','2025-08-03',6,'2025-000120','2025-07-09 05:42:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(121,29,'2025-07-10 16:50:00','0.0','0.0','0.0','20354.0','13830.11','RUB','2025-08-09','2025-08-04',7,'2025-000121','2025-07-10 16:50:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(122,32,'2025-07-11 19:31:00','0.0','0.0','0.0','448.77','275.59','EUR','2025-08-10','2025-09-07',4,'2025-000122','2025-07-11 19:31:00','2026-12-06 19:55:10.8067501',1,'82.1836');
INSERT INTO Purchases VALUES(123,30,'2025-07-16 12:02:00','0.0','0.0','0.0','45280.0','28751.42','RUB','2025-08-15','2025-10-05',2,'2025-000123','2025-07-16 12:02:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(124,32,'2025-07-19 14:53:00','103.97','0.0','0.0','726.11','599.12','EUR','2025-08-18','2025-08-12',4,'2025-000124','2025-07-19 14:53:00','2026-12-06 19:55:10.8067501',1,'82.1836');
INSERT INTO Purchases VALUES(125,30,'2025-07-19 19:02:00','0.0','0.0','0.0','59238.0','30916.56','RUB','2025-08-02','2025-08-14',2,'2025-000125','2025-07-19 19:02:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(126,4,'2025-07-20 18:31:00','8.8','0.0','0.0','1017.45','736.4','EUR','2025-08-19','2025-09-21',3,'2025-000126','2025-07-20 18:31:00','2026-12-06 19:55:10.8067501',1,'82.1836');
INSERT INTO Purchases VALUES(127,29,'2025-07-24 10:06:00','0.0','0.0','0.0','26495.0','16031.51','RUB','2025-08-23','2025-08-19',7,'2025-000127','2025-07-24 10:06:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(128,30,'2025-07-24 15:16:00','0.0','0.0','0.0','20625.0','12021.8','RUB','2025-08-23','2025-08-20',2,'2025-000128','2025-07-24 15:16:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(129,30,'2025-07-28 15:40:00','0.0','0.0','0.0','82346.0','49368.02','RUB','2025-08-11','2025-08-11',2,'2025-000129','2025-07-28 15:40:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(130,3,'2025-07-29 05:41:00','8779.07','0.0','0.0','50458.93','30916.56','RUB','2025-08-12','2025-08-06',5,'2025-000130','2025-07-29 05:41:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(131,22,'2025-07-29 06:27:00','0.0','0.0','0.0','437.76','272.36','EUR','2025-08-28','2025-08-28',7,'2025-000131','2025-07-29 06:27:00','2026-12-06 19:55:10.8067501',1,'82.1836');
INSERT INTO Purchases VALUES(132,3,'2025-08-03 15:27:00','0.0','0.0','0.0','76304.0','45079.39','RUB','2025-09-02','2025-08-26',5,'2025-000132','2025-08-03 15:27:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(133,12,'2025-08-04 02:17:00','0.0','0.0','0.0','41014.0','27458.68','RUB','2025-08-18','2025-08-12',4,'2025-000133','2025-08-04 02:17:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(134,22,'2025-08-11 13:36:00','16.65','0.0','0.0','438.05','230.8','EUR','2025-09-10','2025-09-09',7,'2025-000134','2025-08-11 13:36:00','2026-12-06 19:55:10.8067501',1,'82.0009');
INSERT INTO Purchases VALUES(135,4,'2025-08-12 08:41:00','0.0','0.0','0.0','1136.38','601.51','EUR','2025-09-11','2025-09-05',3,'2025-000135','2025-08-12 08:41:00','2026-12-06 19:55:10.8067501',1,'82.0009');
INSERT INTO Purchases VALUES(136,6,'2025-08-15 10:53:00','332.57','0.0','0.0','51432.43','36921.28','RUB','2025-09-14','2025-09-08',2,'2025-000136','2025-08-15 10:53:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(137,32,'2025-08-16 09:16:00','0.0','24.7','0.0','823.24','527.67','EUR','2025-09-15','2025-09-11',4,'2025-000137','2025-08-16 09:16:00','2026-12-06 19:55:10.8067501',1,'82.0009');
INSERT INTO Purchases VALUES(138,16,'2025-08-20 10:00:00','0.0','0.0','0.0','30205.0','18273.0','RUB','2025-09-19','2025-10-15',3,'2025-000138','2025-08-20 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(139,17,'2025-08-21 20:18:00','0.0','0.0','0.0','351.66','211.31','EUR','2025-09-04','2025-09-04',7,'2025-000139','2025-08-21 20:18:00','2026-12-06 19:55:10.8067501',1,'82.0009');
INSERT INTO Purchases VALUES(140,30,'2025-08-22 16:04:00','0.0','0.0','0.0','25740.0','18676.27','RUB','2025-09-05','2025-09-01',2,'2025-000140','2025-08-22 16:04:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(141,6,'2025-08-28 08:11:00','0.0','0.0','0.0','49823.0','33823.96','RUB','2025-09-11','2025-10-31',2,'2025-000141','2025-08-28 08:11:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(142,22,'2025-08-30 22:29:00','0.0','0.0','0.0','202.98','144.78','EUR','2025-09-29','2025-09-20',7,'2025-000142','2025-08-30 22:29:00','2026-12-06 19:55:10.8067501',1,'82.0009');
INSERT INTO Purchases VALUES(143,29,'2025-09-01 07:37:00','0.0','0.0','0.0','36209.0','21423.17','RUB','2025-10-01','2025-10-01',7,'2025-000143','2025-09-01 07:37:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(144,18,'2025-09-01 20:56:00','0.0','0.0','0.0','259770.0','183993.7','RUB','2025-10-01','2025-09-27',6,'2025-000144','2025-09-01 20:56:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(145,15,'2025-09-03 13:22:00','387.68','0.0','0.0','43345.32','28717.54','RUB','2025-10-03','2025-09-27',7,'2025-000145','2025-09-03 13:22:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(146,35,'2025-09-09 10:00:00','0.0','0.0','0.0','119686.0','84945.28','RUB','2025-09-23','2025-09-21',7,'2025-000146','2025-09-09 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(147,3,'2025-09-25 08:11:00','792.2','2150.1','0.0','70877.8','42610.8','RUB','2025-10-25','2025-10-20',5,'2025-000147','2025-09-25 08:11:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(148,32,'2025-10-04 00:38:00','0.0','0.0','0.0','1294.78','666.62','EUR','2025-11-03','2025-10-31',4,'2025-000148','2025-10-04 00:38:00','2026-12-06 19:55:10.8067501',1,'82.5867');
INSERT INTO Purchases VALUES(149,22,'2025-10-04 23:04:00','0.0','0.0','0.0','210.56','107.6','EUR','2025-11-03','2025-10-31',7,'2025-000149','2025-10-04 23:04:00','2026-12-06 19:55:10.8067501',1,'82.5867');
INSERT INTO Purchases VALUES(150,38,'2025-10-05 01:11:00','3541.22','0.0','0.0','23011.78','15196.81','RUB','2025-11-04','2025-12-21',6,'2025-000150','2025-10-05 01:11:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(151,29,'2025-10-09 23:30:00','332.06','0.0','0.0','12339.94','7093.66','RUB','2025-11-08','2025-11-02',7,'2025-000151','2025-10-09 23:30:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(152,38,'2025-10-13 11:53:00','1296.51','0.0','0.0','28322.49','15458.28','RUB','2025-10-27','2025-10-20',6,'2025-000152','2025-10-13 11:53:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(153,32,'2025-10-13 15:32:00','0.0','0.0','0.0','780.1','470.78','EUR','2025-11-12','2025-11-08',4,'2025-000153','2025-10-13 15:32:00','2026-12-06 19:55:10.8067501',1,'82.5867');
INSERT INTO Purchases VALUES(154,12,'2025-10-17 14:14:00','3054.41','0.0','0.0','38606.59','27186.03','RUB','2025-10-31','2025-10-28',4,'2025-000154','2025-10-17 14:14:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(155,6,'2025-10-20 08:23:00','0.0','0.0','751.75','15035.0','8018.91','RUB','2025-11-03','2025-11-03',2,'2025-000155','2025-10-20 08:23:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(156,25,'2025-10-27 15:50:00','0.0','0.0','0.0','24959.0','16177.82','RUB','2025-11-26','2025-11-19',5,'2025-000156','2025-10-27 15:50:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(157,32,'2025-11-01 09:25:00','0.0','0.0','0.0','368.48','188.3','EUR','2025-12-01','2025-12-28',4,'2025-000157','2025-11-01 09:25:00','2026-12-06 19:55:10.8067501',1,'83.3319');
INSERT INTO Purchases VALUES(158,29,'2025-11-01 11:09:00','0.0','0.0','0.0','28607.0','16036.22','RUB','2025-11-15','2025-11-19',7,'2025-000158','2025-11-01 11:09:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(159,15,'2025-11-03 04:52:00','435.36','0.0','0.0','22847.64','14545.48','RUB','2025-12-03','2025-11-25',7,'2025-000159','2025-11-03 04:52:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(160,15,'2025-11-03 12:25:00','0.0','0.0','0.0','22576.0','11800.88','RUB','2025-11-17','2025-11-08',7,'2025-000160','2025-11-03 12:25:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(161,35,'2025-11-06 05:20:00','0.0','0.0','0.0','32832.0','16466.13','RUB','2025-11-20','2025-11-20',7,'2025-000161','2025-11-06 05:20:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(162,22,'2025-11-06 14:56:00','0.0','5.49','0.0','183.11','110.47','EUR','2025-11-20','2025-11-20',7,'2025-000162','2025-11-06 14:56:00','2026-12-06 19:55:10.8067501',1,'83.3319');
INSERT INTO Purchases VALUES(163,6,'2025-11-07 12:01:00','0.0','0.0','0.0','53760.0','34345.2','RUB','2025-11-21','2026-01-18',2,'2025-000163','2025-11-07 12:01:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(164,32,'2025-11-08 01:06:00','7.83','0.0','0.0','847.0','613.25','EUR','2025-11-22','2025-12-09',4,'2025-000164','2025-11-08 01:06:00','2026-12-06 19:55:10.8067501',1,'83.3319');
INSERT INTO Purchases VALUES(165,3,'2025-11-11 08:29:00','0.0','0.0','0.0','68631.0','44070.77','RUB','2025-11-25','2025-11-17',5,'2025-000165','2025-11-11 08:29:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(166,8,'2025-11-19 11:02:00','0.0','0.0','1689.3','33786.0','24941.22','RUB','2025-12-03','2025-11-30',4,'2025-000166','2025-11-19 11:02:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(167,22,'2025-11-27 12:19:00','1.6','0.0','0.0','314.24','161.4','EUR','2025-12-27','2025-12-22',7,'2025-000167','2025-11-27 12:19:00','2026-12-06 19:55:10.8067501',1,'83.3319');
INSERT INTO Purchases VALUES(168,22,'2025-12-02 01:06:00','17.91','0.0','0.0','250.55','174.4','EUR','2026-01-01','2026-02-16',7,'2025-000168','2025-12-02 01:06:00','2026-12-06 19:55:10.8067501',1,'84.343');
INSERT INTO Purchases VALUES(169,31,'2025-12-02 12:49:00','0.0','0.0','0.0','68066.0','41555.92','RUB','2026-01-01','2025-12-27',4,'2025-000169','2025-12-02 12:49:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(170,32,'2025-12-05 01:24:00','0.0','0.0','0.0','1153.98','708.66','EUR','2025-12-19','2025-12-18',4,'2025-000170','2025-12-05 01:24:00','2026-12-06 19:55:10.8067501',1,'84.343');
INSERT INTO Purchases VALUES(171,38,'2025-12-12 08:53:00','0.0','770.58','0.0','25686.0','16829.55','RUB','2025-12-26','2025-12-21',6,'2025-000171','2025-12-12 08:53:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(172,32,'2025-12-15 15:14:00','57.28','0.0','0.0','607.43','387.95','EUR','2025-12-29','2025-12-29',4,'2025-000172','2025-12-15 15:14:00','2026-12-06 19:55:10.8067501',1,'84.343');
INSERT INTO Purchases VALUES(173,32,'2025-12-17 11:30:00','0.0','0.0','0.0','525.33','331.17','EUR','2026-01-16','2026-01-15',4,'2025-000173','2025-12-17 11:30:00','2026-12-06 19:55:10.8067501',1,'84.343');
INSERT INTO Purchases VALUES(174,4,'2025-12-20 13:14:00','72.12','0.0','0.0','741.04','549.48','EUR','2026-01-19','2026-01-10',3,'2025-000174','2025-12-20 13:14:00','2026-12-06 19:55:10.8067501',1,'84.343');
INSERT INTO Purchases VALUES(175,3,'2025-12-23 00:42:00','0.0','0.0','0.0','19449.0','10363.1','RUB','2026-01-22','2026-01-18',5,'2025-000175','2025-12-23 00:42:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(176,28,'2025-12-23 10:00:00','0.0','0.0','0.0','69564.0','35317.33','RUB','2026-01-06','2026-02-02',3,'2025-000176','2025-12-23 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(177,8,'2025-12-26 05:07:00','0.0','0.0','0.0','17505.0','9667.49','RUB','2026-01-09','2026-02-02',4,'2025-000177','2025-12-26 05:07:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(178,4,'2025-12-28 04:56:00','0.0','0.0','0.0','1225.28','759.16','EUR','2026-01-11','2026-01-05',3,'2025-000178','2025-12-28 04:56:00','2026-12-06 19:55:10.8067501',1,'84.343');
INSERT INTO Purchases VALUES(179,13,'2026-01-01 05:44:00','0.0','0.0','0.0','296.6','190.14','EUR','2026-01-15','2026-01-13',4,'2026-000179','2026-01-01 05:44:00','2026-12-06 19:55:10.8067501',1,'85.5796');
INSERT INTO Purchases VALUES(180,37,'2026-01-05 10:00:00','2041.98','0.0','0.0','58157.02','37502.64','RUB','2026-01-19','2026-01-13',2,'2026-000180','2026-01-05 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(181,22,'2026-01-12 07:49:00','0.0','0.0','0.0','218.88','136.18','EUR','2026-01-26','2026-01-23',7,'2026-000181','2026-01-12 07:49:00','2026-12-06 19:55:10.8067501',1,'85.5796');
INSERT INTO Purchases VALUES(182,32,'2026-01-15 18:59:00','0.0','0.0','0.0','843.72','561.92','EUR','2026-01-29','2026-01-26',4,'2026-000182','2026-01-15 18:59:00','2026-12-06 19:55:10.8067501',1,'85.5796');
INSERT INTO Purchases VALUES(183,4,'2026-01-16 04:45:00','8.0','0.0','0.0','388.78','290.43','EUR','2026-02-15','2026-03-11',3,'2026-000183','2026-01-16 04:45:00','2026-12-06 19:55:10.8067501',1,'85.5796');
INSERT INTO Purchases VALUES(184,6,'2026-01-17 21:04:00','0.0','0.0','0.0','18676.0','13480.52','RUB','2026-01-31','2026-01-30',2,'2026-000184','2026-01-17 21:04:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(185,39,'2026-01-20 07:39:00','0.0','0.0','0.0','57618.0','27971.27','RUB','2026-02-03','2026-04-01',6,'2026-000185','2026-01-20 07:39:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(186,8,'2026-01-22 10:51:00','0.0','0.0','0.0','10752.0','6869.04','RUB','2026-02-05','2026-02-03',4,'2026-000186','2026-01-22 10:51:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(187,22,'2026-01-25 18:28:00','30.99','0.0','0.0','394.79','253.88','EUR','2026-02-08','2026-02-07',7,'2026-000187','2026-01-25 18:28:00','2026-12-06 19:55:10.8067501',1,'85.5796');
INSERT INTO Purchases VALUES(188,29,'2026-01-27 21:46:00','0.0','0.0','0.0','25353.0','15350.64','RUB','2026-02-10','2026-02-07',7,'2026-000188','2026-01-27 21:46:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(189,40,'2026-02-05 10:00:00','0.0','0.0','0.0','45758.0','26392.37','RUB','2026-02-19','2026-04-01',7,'2026-000189','2026-02-05 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(190,30,'2026-02-11 09:24:00','0.0','0.0','0.0','71138.0','51902.26','RUB','2026-02-25','2026-02-18',2,'2026-000190','2026-02-11 09:24:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(191,11,'2026-02-14 06:30:00','150.34','0.0','1023.0','20309.66','10387.45','RUB','2026-02-28','2026-02-20',7,'2026-000191','2026-02-14 06:30:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(192,6,'2026-02-14 13:24:00','1738.89','0.0','0.0','41994.11','27712.36','RUB','2026-03-16','2026-03-07',2,'2026-000192','2026-02-14 13:24:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(193,32,'2026-02-16 19:23:00','92.32','0.0','0.0','658.48','554.24','EUR','2026-03-18','2026-05-13',4,'2026-000193','2026-02-16 19:23:00','2026-12-06 19:55:10.8067501',1,'86.9924');
INSERT INTO Purchases VALUES(194,38,'2026-02-20 23:15:00','0.0','0.0','0.0','14611.0','7733.55','RUB','2026-03-22','2026-03-13',6,'2026-000194','2026-02-20 23:15:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(195,37,'2026-02-21 00:32:00','0.0','0.0','0.0','39445.0','22561.32','RUB','2026-03-23','2026-03-21',2,'2026-000195','2026-02-21 00:32:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(196,30,'2026-02-23 06:07:00','0.0','0.0','0.0','38731.0','25634.25','RUB','2026-03-25','2026-03-18',2,'2026-000196','2026-02-23 06:07:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(197,32,'2026-02-27 07:22:00','0.0','0.0','0.0','336.74','177.34','EUR','2026-03-29','2026-03-21',4,'2026-000197','2026-02-27 07:22:00','2026-12-06 19:55:10.8067501',1,'86.9924');
INSERT INTO Purchases VALUES(198,22,'2026-03-12 23:34:00','13.1','0.0','0.0','251.42','193.62','EUR','2026-04-11','2026-04-04',7,'2026-000198','2026-03-12 23:34:00','2026-12-06 19:55:10.8067501',1,'88.5251');
INSERT INTO Purchases VALUES(199,25,'2026-03-14 23:49:00','1765.26','0.0','0.0','11984.74','6553.77','RUB','2026-03-28','2026-03-25',5,'2026-000199','2026-03-14 23:49:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(200,38,'2026-03-15 11:05:00','0.0','0.0','0.0','17777.0','8264.22','RUB','2026-04-14','2026-04-13',6,'2026-000200','2026-03-15 11:05:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(201,32,'2026-03-17 03:49:00','0.0','0.0','0.0','869.03','512.65','EUR','2026-04-16','2026-05-30',4,'2026-000201','2026-03-17 03:49:00','2026-12-06 19:55:10.8067501',1,'88.5251');
INSERT INTO Purchases VALUES(202,4,'2026-03-17 23:11:00','99.86','0.0','0.0','695.35','409.24','EUR','2026-03-31','2026-03-30',3,'2026-000202','2026-03-17 23:11:00','2026-12-06 19:55:10.8067501',1,'88.5251');
INSERT INTO Purchases VALUES(203,29,'2026-03-20 10:18:00','2197.73','0.0','0.0','19666.27','12818.16','RUB','2026-04-03','2026-03-27',7,'2026-000203','2026-03-20 10:18:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(204,22,'2026-03-20 16:03:00','29.56','0.0','0.0','517.78','344.88','EUR','2026-04-19','2026-04-18',7,'2026-000204','2026-03-20 16:03:00','2026-12-06 19:55:10.8067501',1,'88.5251');
INSERT INTO Purchases VALUES(205,37,'2026-03-21 12:26:00','1687.36','0.0','0.0','32116.64','20467.52','RUB','2026-04-20','2026-04-20',2,'2026-000205','2026-03-21 12:26:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(206,22,'2026-03-23 16:35:00','0.0','9.65','0.0','321.74','203.3','EUR','2026-04-06','2026-04-25',7,'2026-000206','2026-03-23 16:35:00','2026-12-06 19:55:10.8067501',1,'88.5251');
INSERT INTO Purchases VALUES(207,22,'2026-03-25 06:46:00','0.0','0.0','0.0','415.04','299.56','EUR','2026-04-24','2026-04-17',7,'2026-000207','2026-03-25 06:46:00','2026-12-06 19:55:10.8067501',1,'88.5251');
INSERT INTO Purchases VALUES(208,38,'2026-04-01 15:59:00','0.0','0.0','0.0','31520.0','19869.86','RUB','2026-04-15','2026-04-11',6,'2026-000208','2026-04-01 15:59:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(209,12,'2026-04-05 21:06:00','0.0','0.0','0.0','13938.0','7651.82','RUB','2026-04-19','2026-05-01',4,'2026-000209','2026-04-05 21:06:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(210,22,'2026-04-06 01:32:00','0.0','5.54','0.0','184.74','92.25','EUR','2026-04-20','2026-04-19',7,'2026-000210','2026-04-06 01:32:00','2026-12-06 19:55:10.8067501',1,'90.1166');
INSERT INTO Purchases VALUES(211,32,'2026-04-10 22:43:00','0.0','0.0','0.0','1190.34','871.29','EUR','2026-05-10','2026-05-10',4,'2026-000211','2026-04-10 22:43:00','2026-12-06 19:55:10.8067501',1,'90.1166');
INSERT INTO Purchases VALUES(212,38,'2026-04-11 10:10:00','3566.83','0.0','0.0','24484.17','17226.22','RUB','2026-04-25','2026-06-12',6,'2026-000212','2026-04-11 10:10:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(213,4,'2026-04-12 17:09:00','14.19','0.0','0.0','177.13','136.34','EUR','2026-05-12','2026-07-05',3,'2026-000213','2026-04-12 17:09:00','2026-12-06 19:55:10.8067501',1,'90.1166');
INSERT INTO Purchases VALUES(214,4,'2026-04-17 06:12:00','0.0','0.0','0.0','224.33','138.34','EUR','2026-05-01','2026-06-08',3,'2026-000214','2026-04-17 06:12:00','2026-12-06 19:55:10.8067501',1,'90.1166');
INSERT INTO Purchases VALUES(215,22,'2026-04-18 13:04:00','0.0','0.0','0.0','257.15','167.8','EUR','2026-05-02','2026-04-23',7,'2026-000215','2026-04-18 13:04:00','2026-12-06 19:55:10.8067501',1,'90.1166');
INSERT INTO Purchases VALUES(216,38,'2026-04-20 10:55:00','0.0','0.0','0.0','40145.0','24126.85','RUB','2026-05-20','2026-05-21',6,'2026-000216','2026-04-20 10:55:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(217,37,'2026-04-20 11:52:00','0.0','0.0','0.0','40336.0','28269.7','RUB','2026-05-04','2026-05-02',2,'2026-000217','2026-04-20 11:52:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(218,39,'2026-04-22 03:34:00','1896.74','0.0','0.0','17299.26','13084.19','RUB','2026-05-22','2026-05-20',6,'2026-000218','2026-04-22 03:34:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(219,3,'2026-04-22 19:15:00','99.68','0.0','0.0','41116.32','26331.32','RUB','2026-05-06','2026-05-04',5,'2026-000219','2026-04-22 19:15:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(220,37,'2026-04-23 04:17:00','0.0','0.0','0.0','19724.0','11240.84','RUB','2026-05-23','2026-05-22',2,'2026-000220','2026-04-23 04:17:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(221,3,'2026-04-29 17:56:00','5105.57','0.0','0.0','115427.43','85895.32','RUB','2026-05-29','2026-05-27',5,'2026-000221','2026-04-29 17:56:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(222,22,'2026-05-03 03:41:00','0.0','0.0','0.0','548.5','286.25','EUR','2026-06-02','2026-06-02',7,'2026-000222','2026-05-03 03:41:00','2026-12-06 19:55:10.8067501',1,'91.7034');
INSERT INTO Purchases VALUES(223,22,'2026-05-05 16:28:00','0.0','0.0','0.0','407.1','253.06','EUR','2026-06-04','2026-07-20',7,'2026-000223','2026-05-05 16:28:00','2026-12-06 19:55:10.8067501',1,'91.7034');
INSERT INTO Purchases VALUES(224,30,'2026-05-05 17:20:00','0.0','0.0','0.0','64377.0','43184.01','RUB','2026-06-04','2026-06-04',2,'2026-000224','2026-05-05 17:20:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(225,22,'2026-05-12 02:15:00','0.0','0.0','0.0','223.08','133.38','EUR','2026-06-11','2026-06-11',7,'2026-000225','2026-05-12 02:15:00','2026-12-06 19:55:10.8067501',1,'91.7034');
INSERT INTO Purchases VALUES(226,22,'2026-05-26 06:27:00','53.32','0.0','0.0','394.21','277.9','EUR','2026-06-25','2026-06-23',7,'2026-000226','2026-05-26 06:27:00','2026-12-06 19:55:10.8067501',1,'91.7034');
INSERT INTO Purchases VALUES(227,16,'2026-05-31 10:59:00','3367.44','0.0','0.0','22588.56','14784.37','RUB','2026-06-14','2026-06-09',3,'2026-000227','2026-05-31 10:59:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(228,22,'2026-06-03 02:25:00','0.0','0.0','0.0','487.02','257.79','EUR','2026-06-17','2026-06-10',7,'2026-000228','2026-06-03 02:25:00','2026-12-06 19:55:10.8067501',1,'93.2224');
INSERT INTO Purchases VALUES(229,2,'2026-06-03 10:00:00','836.01','0.0','0.0','29137.99','17198.11','RUB','2026-07-03','2026-06-30',7,'2026-000229','2026-06-03 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(230,38,'2026-06-06 19:17:00','0.0','0.0','0.0','33786.0','24941.22','RUB','2026-06-20','2026-06-20',6,'2026-000230','2026-06-06 19:17:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(231,6,'2026-06-08 16:52:00','1638.09','0.0','0.0','36850.91','23695.77','RUB','2026-06-22','2026-06-17',2,'2026-000231','2026-06-08 16:52:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(232,8,'2026-06-10 03:37:00','4504.34','0.0','0.0','33425.66','23967.65','RUB','2026-07-10','2026-07-09',4,'2026-000232','2026-06-10 03:37:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(233,22,'2026-06-21 22:03:00','30.59','0.0','0.0','380.85','268.48','EUR','2026-07-21','2026-07-28',7,'2026-000233','2026-06-21 22:03:00','2026-12-06 19:55:10.8067501',1,'93.2224');
INSERT INTO Purchases VALUES(234,31,'2026-06-29 01:13:00','1296.31','5172.48','0.0','171119.69','119745.78','RUB','2026-07-13','2026-08-11',4,'2026-000234','2026-06-29 01:13:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(235,25,'2026-06-29 17:10:00','2221.25','0.0','0.0','14016.75','7575.88','RUB','2026-07-29','2026-07-28',5,'2026-000235','2026-06-29 17:10:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(236,35,'2026-07-01 01:29:00','0.0','0.0','0.0','98531.0','68080.29','RUB','2026-07-15','2026-07-08',7,'2026-000236','2026-07-01 01:29:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(237,4,'2026-07-01 04:44:00','0.0','0.0','0.0','388.5','239.59','EUR','2026-07-15','2026-07-13',3,'2026-000237','2026-07-01 04:44:00','2026-12-06 19:55:10.8067501',1,'94.6129');
INSERT INTO Purchases VALUES(238,28,'2026-07-01 21:05:00','0.0','0.0','0.0','41777.0','28585.33','RUB','2026-07-15','2026-07-26',3,'2026-000238','2026-07-01 21:05:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(239,30,'2026-07-01 22:02:00','0.0','0.0','0.0','86095.0','61353.8','RUB','2026-07-31','2026-08-12',2,'2026-000239','2026-07-01 22:02:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(240,25,'2026-07-03 08:56:00','500.92','415.11','0.0','13336.08','9963.04','RUB','2026-07-17','2026-07-11',5,'2026-000240','2026-07-03 08:56:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(241,28,'2026-07-04 20:27:00','0.0','0.0','0.0','36134.0','20063.05','RUB','2026-07-18','2026-07-11',3,'2026-000241','2026-07-04 20:27:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(242,29,'2026-07-05 21:20:00','1681.93','0.0','0.0','22587.07','12209.83','RUB','2026-08-04','2026-08-01',7,'2026-000242','2026-07-05 21:20:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(243,6,'2026-07-07 18:45:00','0.0','0.0','0.0','37924.0','24439.15','RUB','2026-07-21','2026-09-14',2,'2026-000243','2026-07-07 18:45:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(244,29,'2026-07-12 19:19:00','0.0','0.0','0.0','28051.0','17226.22','RUB','2026-07-26','2026-07-26',7,'2026-000244','2026-07-12 19:19:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(245,6,'2026-07-13 06:54:00','0.0','0.0','0.0','43033.0','24844.34','RUB','2026-08-12','2026-08-08',2,'2026-000245','2026-07-13 06:54:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(246,30,'2026-07-15 08:56:00','0.0','0.0','0.0','98496.0','49398.39','RUB','2026-07-29','2026-07-28',2,'2026-000246','2026-07-15 08:56:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(247,20,'2026-07-17 18:51:00','1612.56','993.81','0.0','31514.44','19816.23','RUB','2026-07-31','2026-07-28',2,'2026-000247','2026-07-17 18:51:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(248,14,'2026-07-18 10:00:00','0.0','0.0','0.0','8721.0','5098.16','RUB','2026-08-01','2026-07-26',4,'2026-000248','2026-07-18 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(249,31,'2026-07-18 17:45:00','0.0','0.0','0.0','78796.0','49023.2','RUB','2026-08-17','2026-08-17',4,'2026-000249','2026-07-18 17:45:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(250,37,'2026-07-20 12:05:00','0.0','0.0','0.0','98730.0','51527.6','RUB','2026-08-19','2026-08-12',2,'2026-000250','2026-07-20 12:05:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(251,22,'2026-07-21 09:53:00','31.33','0.0','0.0','189.25','153.22','EUR','2026-08-04','2026-07-26',7,'2026-000251','2026-07-21 09:53:00','2026-12-06 19:55:10.8067501',1,'94.6129');
INSERT INTO Purchases VALUES(252,16,'2026-07-29 15:01:00','2221.42','0.0','0.0','43430.58','31827.23','RUB','2026-08-12','2026-08-13',3,'2026-000252','2026-07-29 15:01:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(253,5,'2026-07-30 10:00:00','32.75','0.0','0.0','225.25','130.23','EUR','2026-08-13','2026-08-11',2,'2026-000253','2026-07-30 10:00:00','2026-12-06 19:55:10.8067501',1,'94.6129');
INSERT INTO Purchases VALUES(254,30,'2026-08-02 18:49:00','0.0','0.0','0.0','91324.0','47652.3','RUB','2026-08-16','2026-08-08',2,'2026-000254','2026-08-02 18:49:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(255,28,'2026-08-02 22:41:00','0.0','0.0','0.0','56857.0','35554.8','RUB','2026-08-16','2026-10-13',3,'2026-000255','2026-08-02 22:41:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(256,3,'2026-08-06 21:28:00','0.0','0.0','0.0','78499.0','38308.18','RUB','2026-09-05','2026-08-29',5,'2026-000256','2026-08-06 21:28:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(257,30,'2026-08-13 13:55:00','0.0','0.0','0.0','34438.0','24541.52','RUB','2026-09-12','2026-09-10',2,'2026-000257','2026-08-13 13:55:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(258,22,'2026-08-15 07:48:00','20.65','0.0','0.0','597.53','356.54','EUR','2026-09-14','2026-09-09',7,'2026-000258','2026-08-15 07:48:00','2026-12-06 19:55:10.8067501',1,'95.8195');
INSERT INTO Purchases VALUES(259,22,'2026-08-18 19:00:00','0.0','0.0','0.0','267.63','160.86','EUR','2026-09-17','2026-09-16',7,'2026-000259','2026-08-18 19:00:00','2026-12-06 19:55:10.8067501',1,'95.8195');
INSERT INTO Purchases VALUES(260,12,'2026-08-20 21:49:00','0.0','0.0','0.0','25396.0','16391.0','RUB','2026-09-03','2026-08-26',4,'2026-000260','2026-08-20 21:49:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(261,29,'2026-08-26 06:43:00','0.0','0.0','0.0','20798.0','13127.2','RUB','2026-09-09','2026-09-09',7,'2026-000261','2026-08-26 06:43:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(262,32,'2026-08-31 19:34:00','0.0','0.0','0.0','505.9','320.55','EUR','2026-09-30','2026-09-25',4,'2026-000262','2026-08-31 19:34:00','2026-12-06 19:55:10.8067501',1,'95.8195');
INSERT INTO Purchases VALUES(263,38,'2026-09-03 08:31:00','0.0','0.0','0.0','42883.0','23907.53','RUB','2026-09-17','2026-09-12',6,'2026-000263','2026-09-03 08:31:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(264,39,'2026-09-15 21:55:00','0.0','0.0','0.0','39412.0','20071.69','RUB','2026-09-29','2026-10-25',6,'2026-000264','2026-09-15 21:55:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(265,1,'2026-09-19 10:00:00','2098.64','0.0','0.0','16994.36','11259.17','RUB','2026-10-03','2026-10-03',6,'2026-000265','2026-09-19 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(266,1,'2026-09-22 12:47:00','0.0','0.0','0.0','30643.0','19024.38','RUB','2026-10-22','2026-10-22',6,'2026-000266','2026-09-22 12:47:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(267,38,'2026-09-30 00:44:00','0.0','382.17','0.0','12739.0','7368.84','RUB','2026-10-14','2026-12-01',6,'2026-000267','2026-09-30 00:44:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(268,4,'2026-10-02 08:48:00','14.29','0.0','0.0','1198.9','842.71','EUR','2026-10-16','2026-10-14',3,'2026-000268','2026-10-02 08:48:00','2026-12-06 19:55:10.8067501',1,'97.4978');
INSERT INTO Purchases VALUES(269,30,'2026-10-02 10:24:00','0.0','0.0','2130.4','42608.0','25332.7','RUB','2026-11-01','2026-10-29',2,'2026-000269','2026-10-02 10:24:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(270,33,'2026-10-03 10:00:00','230.33','277.74','0.0','9027.67','6041.34','RUB','2026-10-17','2026-11-14',4,'2026-000270','2026-10-03 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(271,30,'2026-10-07 21:42:00','0.0','0.0','0.0','155584.0','102011.41','RUB','2026-10-21',NULL,2,'2026-000271','2026-10-07 21:42:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(272,39,'2026-10-10 06:00:00','0.0','0.0','0.0','36828.0','18697.41','RUB','2026-11-09',NULL,6,'2026-000272','2026-10-10 06:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(273,4,'2026-10-10 08:57:00','32.13','0.0','0.0','590.43','449.34','EUR','2026-10-24','2026-10-15',3,'2026-000273','2026-10-10 08:57:00','2026-12-06 19:55:10.8067501',1,'97.4978');
INSERT INTO Purchases VALUES(274,16,'2026-10-10 11:59:00','4138.88','0.0','0.0','36752.12','27533.18','RUB','2026-10-24','2026-12-02',3,'2026-000274','2026-10-10 11:59:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(275,32,'2026-10-11 12:43:00','47.65','0.0','0.0','745.39','487.19','EUR','2026-10-25','2026-10-18',4,'2026-000275','2026-10-11 12:43:00','2026-12-06 19:55:10.8067501',1,'97.4978');
INSERT INTO Purchases VALUES(276,31,'2026-10-12 18:17:00','774.42','3366.93','0.0','111456.58','74219.15','RUB','2026-10-26','2026-11-10',4,'2026-000276','2026-10-12 18:17:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(277,1,'2026-10-14 10:05:00','0.0','1339.95','0.0','44665.0','28882.92','RUB','2026-11-13',NULL,6,'2026-000277','2026-10-14 10:05:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(278,22,'2026-10-16 16:34:00','0.0','0.0','0.0','409.8','274.93','EUR','2026-10-30','2026-10-25',7,'2026-000278','2026-10-16 16:34:00','2026-12-06 19:55:10.8067501',1,'97.4978');
INSERT INTO Purchases VALUES(279,38,'2026-10-17 04:30:00','0.0','0.0','0.0','18567.0','11126.04','RUB','2026-10-31','2026-10-25',6,'2026-000279','2026-10-17 04:30:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(280,1,'2026-10-17 13:03:00','373.35','1086.54','0.0','35844.65','25099.95','RUB','2026-10-31','2026-10-23',6,'2026-000280','2026-10-17 13:03:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(281,15,'2026-10-20 13:04:00','0.0','0.0','0.0','29495.0','18503.23','RUB','2026-11-03','2026-10-30',7,'2026-000281','2026-10-20 13:04:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(282,29,'2026-10-20 16:42:00','0.0','850.11','0.0','28337.0','19569.45','RUB','2026-11-19','2026-11-10',7,'2026-000282','2026-10-20 16:42:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(283,22,'2026-10-21 22:32:00','0.0','9.55','0.0','318.29','161.56','EUR','2026-11-04','2026-10-26',7,'2026-000283','2026-10-21 22:32:00','2026-12-06 19:55:10.8067501',1,'97.4978');
INSERT INTO Purchases VALUES(284,32,'2026-10-23 05:07:00','40.04','0.0','0.0','738.46','433.91','EUR','2026-11-06','2026-10-30',4,'2026-000284','2026-10-23 05:07:00','2026-12-06 19:55:10.8067501',1,'97.4978');
INSERT INTO Purchases VALUES(285,4,'2026-10-25 12:59:00','34.78','0.0','0.0','332.6','260.74','EUR','2026-11-08','2026-11-06',3,'2026-000285','2026-10-25 12:59:00','2026-12-06 19:55:10.8067501',1,'97.4978');
INSERT INTO Purchases VALUES(286,22,'2026-10-25 13:42:00','0.0','0.0','0.0','253.82','165.71','EUR','2026-11-08','2026-11-07',7,'2026-000286','2026-10-25 13:42:00','2026-12-06 19:55:10.8067501',1,'97.4978');
INSERT INTO Purchases VALUES(287,32,'2026-10-28 20:23:00','50.19','0.0','0.0','291.04','216.2','EUR','2026-11-27','2026-11-20',4,'2026-000287','2026-10-28 20:23:00','2026-12-06 19:55:10.8067501',1,'97.4978');
INSERT INTO Purchases VALUES(288,32,'2026-10-29 03:03:00','31.67','0.0','0.0','361.85','247.94','EUR','2026-11-12','2026-11-03',4,'2026-000288','2026-10-29 03:03:00','2026-12-06 19:55:10.8067501',1,'97.4978');
INSERT INTO Purchases VALUES(289,22,'2026-10-29 22:23:00','0.0','0.0','0.0','187.8','113.7','EUR','2026-11-28','2026-11-22',7,'2026-000289','2026-10-29 22:23:00','2026-12-06 19:55:10.8067501',1,'97.4978');
INSERT INTO Purchases VALUES(290,35,'2026-11-01 18:04:00','0.0','0.0','0.0','104385.0','53426.45','RUB','2026-11-15','2026-11-11',7,'2026-000290','2026-11-01 18:04:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(291,30,'2026-11-04 05:46:00','0.0','0.0','0.0','31504.0','20204.16','RUB','2026-11-18','2026-11-16',2,'2026-000291','2026-11-04 05:46:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(292,34,'2026-11-06 10:00:00','0.0','0.0','0.0','25418.0','14411.21','RUB','2026-11-20','2026-11-17',7,'2026-000292','2026-11-06 10:00:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(293,1,'2026-11-07 11:14:00','0.0','0.0','0.0','30904.0','17426.98','RUB','2026-11-21',NULL,6,'2026-000293','2026-11-07 11:14:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(294,39,'2026-11-08 04:51:00','0.0','0.0','0.0','28926.0','18517.73','RUB','2026-12-08','2026-12-04',6,'2026-000294','2026-11-08 04:51:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(295,6,'2026-11-08 19:04:00','0.0','0.0','0.0','38217.0','22106.52','RUB','2026-11-22',NULL,2,'2026-000295','2026-11-08 19:04:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(296,30,'2026-11-09 04:36:00','0.0','0.0','0.0','55591.0','32460.37','RUB','2026-11-23',NULL,2,'2026-000296','2026-11-09 04:36:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(297,2,'2026-11-13 06:53:00','0.0','0.0','0.0','47014.0','29127.93','RUB','2026-11-27','2026-11-27',7,'2026-000297','2026-11-13 06:53:00','2026-12-06 19:55:10.8067501',1,'1.0');
INSERT INTO Purchases VALUES(298,22,'2026-11-27 07:59:00','0.0','0.0','0.0','407.09','258.66','EUR','2026-12-11',NULL,7,'2026-000298','2026-11-27 07:59:00','2026-12-06 19:55:10.8067501',1,'97.9026');
INSERT INTO Purchases VALUES(299,22,'2026-12-02 15:15:00','0.0','0.0','0.0','213.29','145.38','EUR','2027-01-01',NULL,7,'2026-000299','2026-12-02 15:15:00','2026-12-06 19:55:10.8067501',1,'97.9923');
INSERT INTO Purchases VALUES(300,30,'2026-12-04 03:40:00','0.0','0.0','0.0','73055.0','38667.75','RUB','2027-01-03',NULL,2,'2026-000300','2026-12-04 03:40:00','2026-12-06 19:55:10.8067501',1,'1.0');
CREATE TABLE IF NOT EXISTS "ServiceCosts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServiceCosts" PRIMARY KEY AUTOINCREMENT,
    "ClientId" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Category" INTEGER NOT NULL,
    "Amount" TEXT NOT NULL,
    "Hours" TEXT NULL,
    "HourlyRate" TEXT NULL,
    "Currency" TEXT NOT NULL,
    "Note" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL, "RateToBase" TEXT NOT NULL DEFAULT '1.0',
    CONSTRAINT "FK_ServiceCosts_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE
);
INSERT INTO ServiceCosts VALUES(1,1,'2026-07-30',3,'2550.0','1.7','1500.0','RUB',NULL,'2026-12-06 19:55:10.4030908','2026-12-06 19:55:10.913587',1,'1.0');
INSERT INTO ServiceCosts VALUES(2,2,'2025-09-18',4,'1163.0',NULL,NULL,'RUB',NULL,'2026-12-06 19:55:10.4030908','2026-12-06 19:55:10.913587',1,'1.0');
INSERT INTO ServiceCosts VALUES(3,4,'2026-09-04',0,'4718.0',NULL,NULL,'RUB',NULL,'2026-12-06 19:55:10.4030908','2026-12-06 19:55:10.913587',1,'1.0');
INSERT INTO ServiceCosts VALUES(4,5,'2025-03-07',2,'2114.0',NULL,NULL,'RUB',NULL,'2026-12-06 19:55:10.4030908','2026-12-06 19:55:10.913587',1,'1.0');
INSERT INTO ServiceCosts VALUES(5,8,'2026-06-26',0,'4512.0',NULL,NULL,'RUB',NULL,'2026-12-06 19:55:10.4030908','2026-12-06 19:55:10.913587',1,'1.0');
INSERT INTO ServiceCosts VALUES(6,9,'2026-08-06',0,'3872.0',NULL,NULL,'RUB',NULL,'2026-12-06 19:55:10.4030908','2026-12-06 19:55:10.913587',1,'1.0');
INSERT INTO ServiceCosts VALUES(7,12,'2026-03-20',3,'1500.0','1.0','1500.0','RUB',NULL,'2026-12-06 19:55:10.4030908','2026-12-06 19:55:10.913587',1,'1.0');
INSERT INTO ServiceCosts VALUES(8,15,'2026-01-15',1,'5300.0',NULL,NULL,'RUB',NULL,'2026-12-06 19:55:10.4030908','2026-12-06 19:55:10.913587',1,'1.0');
INSERT INTO ServiceCosts VALUES(9,19,'2025-06-25',1,'3305.0',NULL,NULL,'RUB',NULL,'2026-12-06 19:55:10.4030908','2026-12-06 19:55:10.913587',1,'1.0');
INSERT INTO ServiceCosts VALUES(10,23,'2025-06-25',2,'1502.0',NULL,NULL,'RUB',NULL,'2026-12-06 19:55:10.4030908','2026-12-06 19:55:10.913587',1,'1.0');
INSERT INTO ServiceCosts VALUES(11,25,'2026-03-11',0,'2042.0',NULL,NULL,'RUB',NULL,'2026-12-06 19:55:10.4030908','2026-12-06 19:55:10.913587',1,'1.0');
INSERT INTO ServiceCosts VALUES(12,28,'2026-11-26',4,'3059.0',NULL,NULL,'RUB',NULL,'2026-12-06 19:55:10.4030908','2026-12-06 19:55:10.913587',1,'1.0');
INSERT INTO ServiceCosts VALUES(13,30,'2025-04-06',1,'3325.0',NULL,NULL,'RUB',NULL,'2026-12-06 19:55:10.4030908','2026-12-06 19:55:10.913587',1,'1.0');
INSERT INTO ServiceCosts VALUES(14,33,'2026-05-16',2,'3315.0',NULL,NULL,'RUB',NULL,'2026-12-06 19:55:10.4030908','2026-12-06 19:55:10.913587',1,'1.0');
INSERT INTO ServiceCosts VALUES(15,39,'2026-04-12',0,'4291.0',NULL,NULL,'RUB',NULL,'2026-12-06 19:55:10.4030908','2026-12-06 19:55:10.913587',1,'1.0');
CREATE TABLE IF NOT EXISTS "Tasks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Tasks" PRIMARY KEY AUTOINCREMENT,
    "ClientId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Details" TEXT NULL,
    "DueAt" TEXT NOT NULL,
    "AssigneeId" INTEGER NULL,
    "Done" INTEGER NOT NULL,
    "DoneAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Tasks_AspNetUsers_AssigneeId" FOREIGN KEY ("AssigneeId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Tasks_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE
);
INSERT INTO Tasks VALUES(1,4,'Уточнить потребность',NULL,'2026-11-21 10:00:00',3,1,'2026-11-21 10:00:00','2026-11-14 10:00:00','2026-12-06 19:55:10.9958875',1);
INSERT INTO Tasks VALUES(2,6,'Спросить о рекомендации',NULL,'2027-01-04 10:00:00',2,0,NULL,'2026-12-28 10:00:00','2026-12-28 10:00:00',1);
INSERT INTO Tasks VALUES(3,12,'Перезвонить по КП',NULL,'2026-12-02 10:00:00',4,0,NULL,'2026-11-25 10:00:00','2026-12-06 19:55:10.9958875',1);
INSERT INTO Tasks VALUES(4,20,'Спросить о рекомендации',NULL,'2026-12-21 10:00:00',2,0,NULL,'2026-12-14 10:00:00','2026-12-14 10:00:00',1);
INSERT INTO Tasks VALUES(5,24,'Спросить о рекомендации',NULL,'2026-12-31 10:00:00',2,0,NULL,'2026-12-24 10:00:00','2026-12-24 10:00:00',1);
INSERT INTO Tasks VALUES(6,26,'Поздравить с днём рождения',NULL,'2026-11-18 10:00:00',5,0,NULL,'2026-11-11 10:00:00','2026-12-06 19:55:10.9958875',1);
INSERT INTO Tasks VALUES(7,30,'Отправить счёт',NULL,'2026-12-20 10:00:00',2,0,NULL,'2026-12-13 10:00:00','2026-12-13 10:00:00',1);
INSERT INTO Tasks VALUES(8,36,'Провести встречу',NULL,'2026-12-24 10:00:00',5,0,NULL,'2026-12-17 10:00:00','2026-12-17 10:00:00',1);
INSERT INTO Tasks VALUES(9,37,'Спросить о рекомендации',NULL,'2026-12-22 10:00:00',2,0,NULL,'2026-12-15 10:00:00','2026-12-15 10:00:00',1);
CREATE TABLE IF NOT EXISTS "Interactions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Interactions" PRIMARY KEY AUTOINCREMENT,
    "ClientId" INTEGER NOT NULL,
    "ContactPersonId" INTEGER NULL,
    "EmployeeId" INTEGER NULL,
    "Kind" INTEGER NOT NULL,
    "Direction" INTEGER NOT NULL,
    "OccurredAt" TEXT NOT NULL,
    "Outcome" TEXT NULL,
    "Text" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL, "Score" INTEGER NULL,
    CONSTRAINT "FK_Interactions_AspNetUsers_EmployeeId" FOREIGN KEY ("EmployeeId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Interactions_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Interactions_ContactPersons_ContactPersonId" FOREIGN KEY ("ContactPersonId") REFERENCES "ContactPersons" ("Id") ON DELETE SET NULL
);
INSERT INTO Interactions VALUES(1,1,NULL,6,3,1,'2026-09-22 23:14:10.4786595','договорились о встрече','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-09-22 23:14:10.4786595','2026-12-06 19:55:10.9562047',1,9);
INSERT INTO Interactions VALUES(2,1,NULL,6,3,1,'2026-12-02 16:12:09.5306971','заказ подтверждён','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-12-02 16:12:09.5306971','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(3,1,NULL,6,4,1,'2026-10-13 18:02:03.3374697','отправлено КП','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-10-13 18:02:03.3374697','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(4,2,NULL,7,1,1,'2026-10-17 02:36:29.1671597','перезвонить','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-10-17 02:36:29.1671597','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(5,2,NULL,7,1,1,'2026-07-10 21:30:53.544089','договорились о встрече','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-07-10 21:30:53.544089','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(6,2,NULL,7,1,0,'2026-07-22 22:02:48.4852811','отправлено КП','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-07-22 22:02:48.4852811','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(7,2,NULL,7,0,1,'2026-11-30 11:19:12.7486538','перезвонить','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-11-30 11:19:12.7486538','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(8,2,NULL,7,4,0,'2026-12-03 02:08:09.0620008','жалоба решена','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-12-03 02:08:09.0620008','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(9,3,NULL,5,2,1,'2026-08-18 21:56:45.4038288','нет ответа','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-08-18 21:56:45.4038288','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(10,3,NULL,5,4,1,'2025-07-23 01:02:58.3818594','перезвонить','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-07-23 01:02:58.3818594','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(11,3,NULL,5,3,0,'2024-10-21 11:53:45.7978379','перезвонить','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2024-10-21 11:53:45.7978379','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(12,3,NULL,5,5,1,'2025-10-13 06:51:35.4802597','Angebot gesendet','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-10-13 06:51:35.4802597','2026-12-06 19:55:10.9562047',1,10);
INSERT INTO Interactions VALUES(13,3,NULL,5,2,0,'2026-10-12 13:19:22.7649765','Angebot gesendet','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-10-12 13:19:22.7649765','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(14,4,NULL,3,2,0,'2024-08-03 06:44:49.3454761','Angebot gesendet','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2024-08-03 06:44:49.3454761','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(15,4,NULL,3,3,0,'2026-11-27 00:57:21.2076519','отправлено КП','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-11-27 00:57:21.2076519','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(16,4,NULL,3,3,1,'2025-06-19 02:26:46.043475','жалоба решена','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-06-19 02:26:46.043475','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(17,4,NULL,3,0,1,'2025-08-04 00:55:10.3762817','перезвонить','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-08-04 00:55:10.3762817','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(18,4,NULL,3,2,1,'2024-04-01 23:33:38.4287085','отправлено КП','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2024-04-01 23:33:38.4287085','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(19,5,NULL,2,3,1,'2026-09-30 21:36:50.6894699','Angebot gesendet','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-09-30 21:36:50.6894699','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(20,5,NULL,2,4,1,'2026-11-12 05:04:26.8903787','заказ подтверждён','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-11-12 05:04:26.8903787','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(21,6,NULL,2,0,1,'2025-11-01 08:01:47.3972952','перезвонить','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-11-01 08:01:47.3972952','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(22,6,NULL,2,3,1,'2026-03-17 11:34:11.6678058','жалоба решена','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-03-17 11:34:11.6678058','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(23,6,NULL,2,3,1,'2024-04-05 10:39:38.6520147','заказ подтверждён','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2024-04-05 10:39:38.6520147','2026-12-06 19:55:10.9562047',1,7);
INSERT INTO Interactions VALUES(24,6,NULL,2,2,0,'2024-02-12 14:24:46.7809277','жалоба решена','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2024-02-12 14:24:46.7809277','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(25,7,NULL,3,4,1,'2026-07-29 20:49:07.3247579','договорились о встрече','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-07-29 20:49:07.3247579','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(26,9,NULL,4,2,1,'2025-11-05 09:13:36.0856262','договорились о встрече','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-11-05 09:13:36.0856262','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(27,9,NULL,4,1,0,'2025-05-31 05:12:41.1565108','нет ответа','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-05-31 05:12:41.1565108','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(28,9,NULL,4,5,1,'2026-08-18 23:38:27.9097662','заказ подтверждён','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-08-18 23:38:27.9097662','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(29,9,NULL,4,1,1,'2024-10-28 02:22:54.6773687','перезвонить','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2024-10-28 02:22:54.6773687','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(30,9,NULL,4,0,1,'2025-07-18 12:19:38.7092164','договорились о встрече','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-07-18 12:19:38.7092164','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(31,11,NULL,7,1,0,'2025-02-18 22:16:45.6608338','договорились о встрече','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-02-18 22:16:45.6608338','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(32,11,NULL,7,2,0,'2025-08-20 01:57:02.729925','перезвонить','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-08-20 01:57:02.729925','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(33,11,NULL,7,4,0,'2025-10-26 19:34:28.5514857','Angebot gesendet','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-10-26 19:34:28.5514857','2026-12-06 19:55:10.9562047',1,9);
INSERT INTO Interactions VALUES(34,11,NULL,7,5,1,'2026-02-04 03:55:42.830357','нет ответа','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-02-04 03:55:42.830357','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(35,12,NULL,4,3,0,'2024-07-24 22:29:05.276028','договорились о встрече','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2024-07-24 22:29:05.276028','2026-12-06 19:55:10.9562047',1,8);
INSERT INTO Interactions VALUES(36,13,NULL,4,3,0,'2025-10-09 07:33:35.1086257','перезвонить','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-10-09 07:33:35.1086257','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(37,13,NULL,4,1,1,'2025-11-15 00:14:11.1921046','Angebot gesendet','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-11-15 00:14:11.1921046','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(38,13,NULL,4,4,1,'2025-04-25 07:50:01.6381737','жалоба решена','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-04-25 07:50:01.6381737','2026-12-06 19:55:10.9562047',1,7);
INSERT INTO Interactions VALUES(39,13,NULL,4,4,1,'2026-05-18 06:05:15.6922996','нет ответа','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-05-18 06:05:15.6922996','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(40,13,NULL,4,2,1,'2025-04-15 05:55:32.2339493','заказ подтверждён','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-04-15 05:55:32.2339493','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(41,14,NULL,4,5,0,'2026-11-12 17:53:47.776408','перезвонить','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-11-12 17:53:47.776408','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(42,14,NULL,4,4,1,'2026-07-26 03:27:44.9482178','жалоба решена','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-07-26 03:27:44.9482178','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(43,14,NULL,4,5,1,'2026-11-06 18:43:51.6672763','жалоба решена','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-11-06 18:43:51.6672763','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(44,15,NULL,7,5,1,'2025-11-23 00:37:52.1065571','перезвонить','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-11-23 00:37:52.1065571','2026-12-06 19:55:10.9562047',1,10);
INSERT INTO Interactions VALUES(45,15,NULL,7,0,1,'2026-11-09 05:43:35.0170073','отправлено КП','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-11-09 05:43:35.0170073','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(46,15,NULL,7,0,1,'2025-12-27 19:19:20.3128633','жалоба решена','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-12-27 19:19:20.3128633','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(47,15,NULL,7,1,0,'2026-01-19 16:52:51.5604687','жалоба решена','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-01-19 16:52:51.5604687','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(48,15,NULL,7,3,1,'2026-07-25 02:44:07.2492482','Angebot gesendet','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-07-25 02:44:07.2492482','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(49,16,NULL,3,2,0,'2025-09-24 22:58:17.2538556','заказ подтверждён','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-09-24 22:58:17.2538556','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(50,16,NULL,3,3,1,'2026-08-26 13:55:54.3223388','отправлено КП','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-08-26 13:55:54.3223388','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(51,16,NULL,3,0,1,'2026-02-11 04:40:20.0886109','жалоба решена','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-02-11 04:40:20.0886109','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(52,16,NULL,3,2,1,'2026-01-04 20:11:31.6543765','перезвонить','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-01-04 20:11:31.6543765','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(53,16,NULL,3,2,1,'2026-02-03 20:13:26.5198448','договорились о встрече','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-02-03 20:13:26.5198448','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(54,18,NULL,6,3,1,'2026-07-21 23:36:27.5648398','договорились о встрече','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-07-21 23:36:27.5648398','2026-12-06 19:55:10.9562047',1,10);
INSERT INTO Interactions VALUES(55,18,NULL,6,3,0,'2026-09-16 15:18:00.635539','заказ подтверждён','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-09-16 15:18:00.635539','2026-12-06 19:55:10.9562047',1,9);
INSERT INTO Interactions VALUES(56,18,NULL,6,5,0,'2024-06-21 19:03:58.935391','заказ подтверждён','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2024-06-21 19:03:58.935391','2026-12-06 19:55:10.9562047',1,9);
INSERT INTO Interactions VALUES(57,19,NULL,4,2,1,'2025-04-07 13:25:00.2926728','нет ответа','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-04-07 13:25:00.2926728','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(58,19,NULL,4,5,0,'2024-12-22 07:35:06.6421357','заказ подтверждён','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2024-12-22 07:35:06.6421357','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(59,19,NULL,4,1,1,'2026-07-01 21:14:37.0704794','договорились о встрече','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-07-01 21:14:37.0704794','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(60,20,NULL,2,3,1,'2026-01-23 21:33:31.6985399','Angebot gesendet','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-01-23 21:33:31.6985399','2026-12-06 19:55:10.9562047',1,8);
INSERT INTO Interactions VALUES(61,21,NULL,5,5,1,'2024-11-23 02:18:49.8883685','договорились о встрече','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2024-11-23 02:18:49.8883685','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(62,22,NULL,7,4,1,'2026-12-06 15:11:59.7236206','договорились о встрече','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-12-06 15:11:59.7236206','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(63,22,NULL,7,5,0,'2025-11-17 21:04:34.1723935','жалоба решена','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-11-17 21:04:34.1723935','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(64,22,NULL,7,5,1,'2025-12-03 04:57:28.4604137','заказ подтверждён','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-12-03 04:57:28.4604137','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(65,23,NULL,7,0,0,'2026-02-10 23:33:07.3571684','отправлено КП','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-02-10 23:33:07.3571684','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(66,23,NULL,7,3,1,'2026-12-03 02:00:54.3037087','заказ подтверждён','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-12-03 02:00:54.3037087','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(67,23,NULL,7,4,1,'2026-01-28 17:37:04.9557143','Angebot gesendet','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-01-28 17:37:04.9557143','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(68,23,NULL,7,3,0,'2025-08-08 22:31:29.1487144','нет ответа','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-08-08 22:31:29.1487144','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(69,23,NULL,7,1,0,'2025-11-17 15:18:58.9233795','жалоба решена','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-11-17 15:18:58.9233795','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(70,24,NULL,2,5,0,'2026-10-28 15:57:39.4155561','нет ответа','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-10-28 15:57:39.4155561','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(71,25,NULL,5,1,1,'2026-10-31 04:42:58.0003751','нет ответа','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-10-31 04:42:58.0003751','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(72,26,NULL,5,0,1,'2026-05-25 22:48:06.4173873','нет ответа','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-05-25 22:48:06.4173873','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(73,28,NULL,3,4,0,'2026-02-18 23:55:15.4192539','нет ответа','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-02-18 23:55:15.4192539','2026-12-06 19:55:10.9562047',1,9);
INSERT INTO Interactions VALUES(74,28,NULL,3,3,0,'2026-03-15 01:42:28.6199665','договорились о встрече','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-03-15 01:42:28.6199665','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(75,28,NULL,3,2,1,'2026-02-01 19:47:25.7539','перезвонить','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-02-01 19:47:25.7539','2026-12-06 19:55:10.9562047',1,10);
INSERT INTO Interactions VALUES(76,29,NULL,7,0,1,'2026-01-30 09:25:27.605373','договорились о встрече','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-01-30 09:25:27.605373','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(77,29,NULL,7,4,1,'2026-05-25 15:09:21.0087304','Angebot gesendet','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-05-25 15:09:21.0087304','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(78,29,NULL,7,0,1,'2026-06-04 01:27:08.9744765','нет ответа','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-06-04 01:27:08.9744765','2026-12-06 19:55:10.9562047',1,9);
INSERT INTO Interactions VALUES(79,29,NULL,7,2,0,'2025-11-08 14:39:10.866364','договорились о встрече','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-11-08 14:39:10.866364','2026-12-06 19:55:10.9562047',1,10);
INSERT INTO Interactions VALUES(80,30,NULL,2,4,1,'2026-05-10 04:30:18.3225065','Angebot gesendet','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-05-10 04:30:18.3225065','2026-12-06 19:55:10.9562047',1,7);
INSERT INTO Interactions VALUES(81,30,NULL,2,5,1,'2025-07-28 05:58:53.7257694','отправлено КП','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-07-28 05:58:53.7257694','2026-12-06 19:55:10.9562047',1,10);
INSERT INTO Interactions VALUES(82,30,NULL,2,2,0,'2025-07-19 04:43:52.2639621','заказ подтверждён','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-07-19 04:43:52.2639621','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(83,30,NULL,2,5,1,'2026-10-30 06:35:35.5560037','жалоба решена','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-10-30 06:35:35.5560037','2026-12-06 19:55:10.9562047',1,7);
INSERT INTO Interactions VALUES(84,31,NULL,4,0,1,'2025-03-14 02:03:28.2321007','отправлено КП','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-03-14 02:03:28.2321007','2026-12-06 19:55:10.9562047',1,7);
INSERT INTO Interactions VALUES(85,31,NULL,4,2,1,'2024-07-05 06:21:40.3988703','отправлено КП','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2024-07-05 06:21:40.3988703','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(86,33,NULL,4,4,0,'2026-11-20 14:52:52.3755431','Angebot gesendet','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-11-20 14:52:52.3755431','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(87,33,NULL,4,3,1,'2026-11-23 06:30:57.084458','перезвонить','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-11-23 06:30:57.084458','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(88,34,NULL,7,0,1,'2026-11-18 12:36:57.8116396','Angebot gesendet','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-11-18 12:36:57.8116396','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(89,34,NULL,7,5,1,'2026-11-19 03:01:07.1198801','нет ответа','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-11-19 03:01:07.1198801','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(90,34,NULL,7,0,1,'2026-12-03 20:07:23.2274288','отправлено КП','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-12-03 20:07:23.2274288','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(91,34,NULL,7,1,0,'2026-11-12 18:35:13.0923166','договорились о встрече','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-11-12 18:35:13.0923166','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(92,35,NULL,7,3,0,'2025-12-19 00:19:08.3846106','перезвонить','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-12-19 00:19:08.3846106','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(93,36,NULL,5,1,1,'2026-02-20 21:42:26.5601029','договорились о встрече','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-02-20 21:42:26.5601029','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(94,36,NULL,5,4,1,'2025-10-24 00:18:35.6924009','заказ подтверждён','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-10-24 00:18:35.6924009','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(95,36,NULL,5,5,0,'2025-09-06 02:20:40.9476804','перезвонить','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-09-06 02:20:40.9476804','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(96,36,NULL,5,5,0,'2025-09-27 19:12:36.487024','жалоба решена','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-09-27 19:12:36.487024','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(97,37,NULL,2,5,0,'2026-02-18 20:57:51.1707071','жалоба решена','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-02-18 20:57:51.1707071','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(98,37,NULL,2,0,1,'2026-11-27 14:50:54.0311663','перезвонить','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-11-27 14:50:54.0311663','2026-12-06 19:55:10.9562047',1,9);
INSERT INTO Interactions VALUES(99,37,NULL,2,3,0,'2026-07-01 08:55:22.4747765','отправлено КП','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-07-01 08:55:22.4747765','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(100,37,NULL,2,3,1,'2026-08-04 00:59:14.7638625','нет ответа','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-08-04 00:59:14.7638625','2026-12-06 19:55:10.9562047',1,10);
INSERT INTO Interactions VALUES(101,38,NULL,6,4,1,'2026-01-19 19:37:58.5137564','жалоба решена','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-01-19 19:37:58.5137564','2026-12-06 19:55:10.9562047',1,9);
INSERT INTO Interactions VALUES(102,39,NULL,6,1,1,'2025-07-23 18:51:19.1827975','заказ подтверждён','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2025-07-23 18:51:19.1827975','2026-12-06 19:55:10.9562047',1,9);
INSERT INTO Interactions VALUES(103,39,NULL,6,2,1,'2026-02-01 01:57:42.0362798','договорились о встрече','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-02-01 01:57:42.0362798','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(104,40,NULL,7,3,0,'2026-10-10 21:53:59.9076184','договорились о встрече','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-10-10 21:53:59.9076184','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(105,40,NULL,7,4,0,'2026-11-11 04:08:15.4652786','заказ подтверждён','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-11-11 04:08:15.4652786','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(106,40,NULL,7,0,1,'2026-05-18 20:43:58.3660086','отправлено КП','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-05-18 20:43:58.3660086','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(107,40,NULL,7,1,1,'2026-08-23 00:11:56.3447611','заказ подтверждён','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-08-23 00:11:56.3447611','2026-12-06 19:55:10.9562047',1,NULL);
INSERT INTO Interactions VALUES(108,40,NULL,7,0,0,'2026-02-24 23:34:43.1479049','нет ответа','Обсудили потребности и сроки. Kunde fragt nach Rabatt.','2026-02-24 23:34:43.1479049','2026-12-06 19:55:10.9562047',1,NULL);
CREATE TABLE IF NOT EXISTS "PurchaseLines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PurchaseLines" PRIMARY KEY AUTOINCREMENT,
    "PurchaseId" INTEGER NOT NULL,
    "ProductId" INTEGER NULL,
    "Description" TEXT NULL,
    "Quantity" TEXT NOT NULL,
    "Price" TEXT NOT NULL,
    "UnitCost" TEXT NOT NULL,
    CONSTRAINT "FK_PurchaseLines_Products_ProductId" FOREIGN KEY ("ProductId") REFERENCES "Products" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_PurchaseLines_Purchases_PurchaseId" FOREIGN KEY ("PurchaseId") REFERENCES "Purchases" ("Id") ON DELETE CASCADE
);
INSERT INTO PurchaseLines VALUES(1,1,9,NULL,'4.0','9926.0','6894.62');
INSERT INTO PurchaseLines VALUES(2,1,22,NULL,'4.0','8451.0','5116.88');
INSERT INTO PurchaseLines VALUES(3,2,13,NULL,'1.0','15760.0','9934.93');
INSERT INTO PurchaseLines VALUES(4,2,3,NULL,'3.0','3648.0','1829.57');
INSERT INTO PurchaseLines VALUES(5,2,23,NULL,'1.0','14334.0','8522.16');
INSERT INTO PurchaseLines VALUES(6,3,2,NULL,'1.0','9338.0','6740.26');
INSERT INTO PurchaseLines VALUES(7,3,23,NULL,'1.0','14334.0','8522.16');
INSERT INTO PurchaseLines VALUES(8,4,7,NULL,'6.0','4092.0','2077.49');
INSERT INTO PurchaseLines VALUES(9,5,25,NULL,'6.0','4629.0','3020.67');
INSERT INTO PurchaseLines VALUES(10,5,4,NULL,'2.0','16893.0','12470.61');
INSERT INTO PurchaseLines VALUES(11,6,19,NULL,'25.0','33.83','24.13');
INSERT INTO PurchaseLines VALUES(12,6,4,NULL,'4.0','187.7','138.56');
INSERT INTO PurchaseLines VALUES(13,7,22,NULL,'8.0','93.9','56.85');
INSERT INTO PurchaseLines VALUES(14,8,2,NULL,'10.0','9338.0','6740.26');
INSERT INTO PurchaseLines VALUES(15,9,17,NULL,'1.0','14611.0','7733.55');
INSERT INTO PurchaseLines VALUES(16,9,20,NULL,'2.0','4738.0','2421.06');
INSERT INTO PurchaseLines VALUES(17,9,3,NULL,'3.0','3648.0','1829.57');
INSERT INTO PurchaseLines VALUES(18,10,19,NULL,'11.0','3045.0','2171.84');
INSERT INTO PurchaseLines VALUES(19,10,11,NULL,'6.0','5770.0','3542.93');
INSERT INTO PurchaseLines VALUES(20,10,10,NULL,'2.0','19699.0','12255.8');
INSERT INTO PurchaseLines VALUES(21,11,18,NULL,'3.0','9873.0','5152.76');
INSERT INTO PurchaseLines VALUES(22,11,13,NULL,'2.0','15760.0','9934.93');
INSERT INTO PurchaseLines VALUES(23,12,11,NULL,'12.0','5770.0','3542.93');
INSERT INTO PurchaseLines VALUES(24,12,5,NULL,'10.0','6969.0','3825.91');
INSERT INTO PurchaseLines VALUES(25,12,16,NULL,'13.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(26,13,6,NULL,'2.0','8119.0','3787.94');
INSERT INTO PurchaseLines VALUES(27,13,24,NULL,'8.0','1792.0','1144.84');
INSERT INTO PurchaseLines VALUES(28,14,12,NULL,'1.0','17219.0','12270.76');
INSERT INTO PurchaseLines VALUES(29,14,5,NULL,'3.0','6969.0','3825.91');
INSERT INTO PurchaseLines VALUES(30,15,15,NULL,'2.0','11903.0','8713.23');
INSERT INTO PurchaseLines VALUES(31,15,11,NULL,'4.0','5770.0','3542.93');
INSERT INTO PurchaseLines VALUES(32,15,24,NULL,'14.0','1792.0','1144.84');
INSERT INTO PurchaseLines VALUES(33,16,17,NULL,'4.0','14611.0','7733.55');
INSERT INTO PurchaseLines VALUES(34,17,6,NULL,'3.0','8119.0','3787.94');
INSERT INTO PurchaseLines VALUES(35,18,3,NULL,'13.0','3648.0','1829.57');
INSERT INTO PurchaseLines VALUES(36,19,23,NULL,'1.0','159.27','94.69');
INSERT INTO PurchaseLines VALUES(37,19,4,NULL,'1.0','187.7','138.56');
INSERT INTO PurchaseLines VALUES(38,20,18,NULL,'1.0','9873.0','5152.76');
INSERT INTO PurchaseLines VALUES(39,20,16,NULL,'2.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(40,20,24,NULL,'5.0','1792.0','1144.84');
INSERT INTO PurchaseLines VALUES(41,21,10,NULL,'1.0','218.88','136.18');
INSERT INTO PurchaseLines VALUES(42,21,3,NULL,'1.0','40.53','20.33');
INSERT INTO PurchaseLines VALUES(43,22,8,NULL,'1.0','13837.0','9963.04');
INSERT INTO PurchaseLines VALUES(44,22,3,NULL,'4.0','3648.0','1829.57');
INSERT INTO PurchaseLines VALUES(45,22,9,NULL,'1.0','9926.0','6894.62');
INSERT INTO PurchaseLines VALUES(46,23,22,NULL,'2.0','8451.0','5116.88');
INSERT INTO PurchaseLines VALUES(47,23,12,NULL,'1.0','17219.0','12270.76');
INSERT INTO PurchaseLines VALUES(48,23,21,NULL,'1.0','19196.0','13084.19');
INSERT INTO PurchaseLines VALUES(49,24,12,NULL,'1.0','191.32','136.34');
INSERT INTO PurchaseLines VALUES(50,24,21,NULL,'1.0','213.29','145.38');
INSERT INTO PurchaseLines VALUES(51,24,13,NULL,'1.0','175.11','110.39');
INSERT INTO PurchaseLines VALUES(52,25,18,NULL,'3.0','9873.0','5152.76');
INSERT INTO PurchaseLines VALUES(53,25,4,NULL,'2.0','16893.0','12470.61');
INSERT INTO PurchaseLines VALUES(54,26,16,NULL,'3.0','57.36','31.85');
INSERT INTO PurchaseLines VALUES(55,26,3,NULL,'5.0','40.53','20.33');
INSERT INTO PurchaseLines VALUES(56,26,2,NULL,'2.0','103.76','74.89');
INSERT INTO PurchaseLines VALUES(57,27,11,NULL,'2.0','64.11','39.37');
INSERT INTO PurchaseLines VALUES(58,27,6,NULL,'1.0','90.21','42.09');
INSERT INTO PurchaseLines VALUES(59,28,6,NULL,'1.0','8119.0','3787.94');
INSERT INTO PurchaseLines VALUES(60,28,9,NULL,'1.0','9926.0','6894.62');
INSERT INTO PurchaseLines VALUES(61,28,17,NULL,'1.0','14611.0','7733.55');
INSERT INTO PurchaseLines VALUES(62,29,8,NULL,'3.0','153.74','110.7');
INSERT INTO PurchaseLines VALUES(63,30,16,NULL,'4.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(64,31,6,NULL,'1.0','90.21','42.09');
INSERT INTO PurchaseLines VALUES(65,31,3,NULL,'2.0','40.53','20.33');
INSERT INTO PurchaseLines VALUES(66,31,10,NULL,'1.0','218.88','136.18');
INSERT INTO PurchaseLines VALUES(67,32,8,NULL,'3.0','153.74','110.7');
INSERT INTO PurchaseLines VALUES(68,33,11,NULL,'10.0','5770.0','3542.93');
INSERT INTO PurchaseLines VALUES(69,33,19,NULL,'18.0','3045.0','2171.84');
INSERT INTO PurchaseLines VALUES(70,34,21,NULL,'1.0','213.29','145.38');
INSERT INTO PurchaseLines VALUES(71,34,15,NULL,'1.0','132.26','96.81');
INSERT INTO PurchaseLines VALUES(72,35,1,NULL,'2.0','9658.0','4476.28');
INSERT INTO PurchaseLines VALUES(73,35,15,NULL,'2.0','11903.0','8713.23');
INSERT INTO PurchaseLines VALUES(74,35,1,NULL,'2.0','9658.0','4476.28');
INSERT INTO PurchaseLines VALUES(75,36,3,NULL,'7.0','3648.0','1829.57');
INSERT INTO PurchaseLines VALUES(76,36,12,NULL,'2.0','17219.0','12270.76');
INSERT INTO PurchaseLines VALUES(77,37,16,NULL,'2.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(78,37,5,NULL,'1.0','6969.0','3825.91');
INSERT INTO PurchaseLines VALUES(79,37,17,NULL,'1.0','14611.0','7733.55');
INSERT INTO PurchaseLines VALUES(80,38,16,NULL,'4.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(81,38,13,NULL,'1.0','15760.0','9934.93');
INSERT INTO PurchaseLines VALUES(82,39,16,NULL,'6.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(83,40,7,NULL,'3.0','4092.0','2077.49');
INSERT INTO PurchaseLines VALUES(84,41,22,NULL,'1.0','93.9','56.85');
INSERT INTO PurchaseLines VALUES(85,41,18,NULL,'1.0','109.7','57.25');
INSERT INTO PurchaseLines VALUES(86,41,22,NULL,'1.0','93.9','56.85');
INSERT INTO PurchaseLines VALUES(87,42,13,NULL,'1.0','175.11','110.39');
INSERT INTO PurchaseLines VALUES(88,42,20,NULL,'2.0','52.64','26.9');
INSERT INTO PurchaseLines VALUES(89,42,2,NULL,'1.0','103.76','74.89');
INSERT INTO PurchaseLines VALUES(90,43,20,NULL,'1.0','4738.0','2421.06');
INSERT INTO PurchaseLines VALUES(91,43,19,NULL,'2.0','3045.0','2171.84');
INSERT INTO PurchaseLines VALUES(92,43,25,NULL,'1.0','4629.0','3020.67');
INSERT INTO PurchaseLines VALUES(93,44,4,NULL,'1.0','187.7','138.56');
INSERT INTO PurchaseLines VALUES(94,44,21,NULL,'1.0','213.29','145.38');
INSERT INTO PurchaseLines VALUES(95,44,19,NULL,'2.0','33.83','24.13');
INSERT INTO PurchaseLines VALUES(96,45,10,NULL,'1.0','19699.0','12255.8');
INSERT INTO PurchaseLines VALUES(97,45,22,NULL,'1.0','8451.0','5116.88');
INSERT INTO PurchaseLines VALUES(98,45,10,NULL,'1.0','19699.0','12255.8');
INSERT INTO PurchaseLines VALUES(99,46,18,NULL,'2.0','9873.0','5152.76');
INSERT INTO PurchaseLines VALUES(100,46,24,NULL,'8.0','1792.0','1144.84');
INSERT INTO PurchaseLines VALUES(101,46,3,NULL,'4.0','3648.0','1829.57');
INSERT INTO PurchaseLines VALUES(102,47,4,NULL,'2.0','16893.0','12470.61');
INSERT INTO PurchaseLines VALUES(103,47,17,NULL,'2.0','14611.0','7733.55');
INSERT INTO PurchaseLines VALUES(104,48,20,NULL,'11.0','4738.0','2421.06');
INSERT INTO PurchaseLines VALUES(105,49,23,NULL,'5.0','159.27','94.69');
INSERT INTO PurchaseLines VALUES(106,50,14,NULL,'1.0','8029.0','4825.37');
INSERT INTO PurchaseLines VALUES(107,50,10,NULL,'1.0','19699.0','12255.8');
INSERT INTO PurchaseLines VALUES(108,51,22,NULL,'1.0','93.9','56.85');
INSERT INTO PurchaseLines VALUES(109,51,24,NULL,'6.0','19.91','12.72');
INSERT INTO PurchaseLines VALUES(110,52,16,NULL,'6.0','57.36','31.85');
INSERT INTO PurchaseLines VALUES(111,53,12,NULL,'1.0','17219.0','12270.76');
INSERT INTO PurchaseLines VALUES(112,53,18,NULL,'1.0','9873.0','5152.76');
INSERT INTO PurchaseLines VALUES(113,54,12,NULL,'1.0','17219.0','12270.76');
INSERT INTO PurchaseLines VALUES(114,54,16,NULL,'2.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(115,55,8,NULL,'6.0','13837.0','9963.04');
INSERT INTO PurchaseLines VALUES(116,56,25,NULL,'3.0','4629.0','3020.67');
INSERT INTO PurchaseLines VALUES(117,56,11,NULL,'3.0','5770.0','3542.93');
INSERT INTO PurchaseLines VALUES(118,57,11,NULL,'3.0','5770.0','3542.93');
INSERT INTO PurchaseLines VALUES(119,57,16,NULL,'3.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(120,57,23,NULL,'1.0','14334.0','8522.16');
INSERT INTO PurchaseLines VALUES(121,58,23,NULL,'1.0','159.27','94.69');
INSERT INTO PurchaseLines VALUES(122,58,7,NULL,'2.0','45.47','23.08');
INSERT INTO PurchaseLines VALUES(123,58,19,NULL,'2.0','33.83','24.13');
INSERT INTO PurchaseLines VALUES(124,59,19,NULL,'8.0','33.83','24.13');
INSERT INTO PurchaseLines VALUES(125,59,16,NULL,'4.0','57.36','31.85');
INSERT INTO PurchaseLines VALUES(126,60,15,NULL,'1.0','132.26','96.81');
INSERT INTO PurchaseLines VALUES(127,61,19,NULL,'11.0','3045.0','2171.84');
INSERT INTO PurchaseLines VALUES(128,62,14,NULL,'1.0','89.21','53.62');
INSERT INTO PurchaseLines VALUES(129,62,15,NULL,'1.0','132.26','96.81');
INSERT INTO PurchaseLines VALUES(130,62,16,NULL,'1.0','57.36','31.85');
INSERT INTO PurchaseLines VALUES(131,63,4,NULL,'2.0','187.7','138.56');
INSERT INTO PurchaseLines VALUES(132,63,22,NULL,'3.0','93.9','56.85');
INSERT INTO PurchaseLines VALUES(133,64,14,NULL,'1.0','89.21','53.62');
INSERT INTO PurchaseLines VALUES(134,64,17,NULL,'1.0','162.34','85.93');
INSERT INTO PurchaseLines VALUES(135,64,16,NULL,'1.0','57.36','31.85');
INSERT INTO PurchaseLines VALUES(136,65,4,NULL,'2.0','187.7','138.56');
INSERT INTO PurchaseLines VALUES(137,66,19,NULL,'31.0','33.83','24.13');
INSERT INTO PurchaseLines VALUES(138,67,20,NULL,'3.0','4738.0','2421.06');
INSERT INTO PurchaseLines VALUES(139,68,5,NULL,'3.0','77.43','42.51');
INSERT INTO PurchaseLines VALUES(140,68,4,NULL,'1.0','187.7','138.56');
INSERT INTO PurchaseLines VALUES(141,69,9,NULL,'1.0','110.29','76.61');
INSERT INTO PurchaseLines VALUES(142,69,10,NULL,'1.0','218.88','136.18');
INSERT INTO PurchaseLines VALUES(143,69,24,NULL,'8.0','19.91','12.72');
INSERT INTO PurchaseLines VALUES(144,70,25,NULL,'2.0','4629.0','3020.67');
INSERT INTO PurchaseLines VALUES(145,71,25,NULL,'2.0','4629.0','3020.67');
INSERT INTO PurchaseLines VALUES(146,71,22,NULL,'1.0','8451.0','5116.88');
INSERT INTO PurchaseLines VALUES(147,72,15,NULL,'2.0','132.26','96.81');
INSERT INTO PurchaseLines VALUES(148,73,11,NULL,'5.0','64.11','39.37');
INSERT INTO PurchaseLines VALUES(149,74,13,NULL,'2.0','175.11','110.39');
INSERT INTO PurchaseLines VALUES(150,74,9,NULL,'3.0','110.29','76.61');
INSERT INTO PurchaseLines VALUES(151,75,15,NULL,'1.0','132.26','96.81');
INSERT INTO PurchaseLines VALUES(152,75,18,NULL,'1.0','109.7','57.25');
INSERT INTO PurchaseLines VALUES(153,75,15,NULL,'1.0','132.26','96.81');
INSERT INTO PurchaseLines VALUES(154,76,12,NULL,'3.0','191.32','136.34');
INSERT INTO PurchaseLines VALUES(155,77,16,NULL,'2.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(156,77,21,NULL,'1.0','19196.0','13084.19');
INSERT INTO PurchaseLines VALUES(157,77,14,NULL,'1.0','8029.0','4825.37');
INSERT INTO PurchaseLines VALUES(158,78,1,NULL,'4.0','9658.0','4476.28');
INSERT INTO PurchaseLines VALUES(159,78,9,NULL,'4.0','9926.0','6894.62');
INSERT INTO PurchaseLines VALUES(160,78,4,NULL,'2.0','16893.0','12470.61');
INSERT INTO PurchaseLines VALUES(161,79,2,NULL,'4.0','103.76','74.89');
INSERT INTO PurchaseLines VALUES(162,79,24,NULL,'20.0','19.91','12.72');
INSERT INTO PurchaseLines VALUES(163,80,15,NULL,'3.0','11903.0','8713.23');
INSERT INTO PurchaseLines VALUES(164,80,3,NULL,'9.0','3648.0','1829.57');
INSERT INTO PurchaseLines VALUES(165,81,12,NULL,'1.0','17219.0','12270.76');
INSERT INTO PurchaseLines VALUES(166,81,10,NULL,'1.0','19699.0','12255.8');
INSERT INTO PurchaseLines VALUES(167,82,3,NULL,'2.0','40.53','20.33');
INSERT INTO PurchaseLines VALUES(168,82,12,NULL,'1.0','191.32','136.34');
INSERT INTO PurchaseLines VALUES(169,82,24,NULL,'4.0','19.91','12.72');
INSERT INTO PurchaseLines VALUES(170,83,4,NULL,'1.0','187.7','138.56');
INSERT INTO PurchaseLines VALUES(171,83,8,NULL,'1.0','153.74','110.7');
INSERT INTO PurchaseLines VALUES(172,84,16,NULL,'1.0','57.36','31.85');
INSERT INTO PurchaseLines VALUES(173,84,4,NULL,'1.0','187.7','138.56');
INSERT INTO PurchaseLines VALUES(174,84,16,NULL,'1.0','57.36','31.85');
INSERT INTO PurchaseLines VALUES(175,85,16,NULL,'4.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(176,86,4,NULL,'1.0','187.7','138.56');
INSERT INTO PurchaseLines VALUES(177,87,6,NULL,'4.0','90.21','42.09');
INSERT INTO PurchaseLines VALUES(178,88,21,NULL,'1.0','213.29','145.38');
INSERT INTO PurchaseLines VALUES(179,88,11,NULL,'5.0','64.11','39.37');
INSERT INTO PurchaseLines VALUES(180,89,25,NULL,'2.0','4629.0','3020.67');
INSERT INTO PurchaseLines VALUES(181,89,12,NULL,'1.0','17219.0','12270.76');
INSERT INTO PurchaseLines VALUES(182,89,19,NULL,'3.0','3045.0','2171.84');
INSERT INTO PurchaseLines VALUES(183,90,18,NULL,'6.0','9873.0','5152.76');
INSERT INTO PurchaseLines VALUES(184,91,10,NULL,'2.0','218.88','136.18');
INSERT INTO PurchaseLines VALUES(185,91,20,NULL,'7.0','52.64','26.9');
INSERT INTO PurchaseLines VALUES(186,92,16,NULL,'3.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(187,93,9,NULL,'1.0','110.29','76.61');
INSERT INTO PurchaseLines VALUES(188,93,7,NULL,'2.0','45.47','23.08');
INSERT INTO PurchaseLines VALUES(189,94,18,NULL,'1.0','9873.0','5152.76');
INSERT INTO PurchaseLines VALUES(190,94,7,NULL,'3.0','4092.0','2077.49');
INSERT INTO PurchaseLines VALUES(191,95,20,NULL,'3.0','4738.0','2421.06');
INSERT INTO PurchaseLines VALUES(192,96,21,NULL,'1.0','19196.0','13084.19');
INSERT INTO PurchaseLines VALUES(193,96,19,NULL,'2.0','3045.0','2171.84');
INSERT INTO PurchaseLines VALUES(194,96,4,NULL,'1.0','16893.0','12470.61');
INSERT INTO PurchaseLines VALUES(195,97,1,NULL,'1.0','9658.0','4476.28');
INSERT INTO PurchaseLines VALUES(196,97,11,NULL,'1.0','5770.0','3542.93');
INSERT INTO PurchaseLines VALUES(197,98,24,NULL,'28.0','19.91','12.72');
INSERT INTO PurchaseLines VALUES(198,99,15,NULL,'1.0','132.26','96.81');
INSERT INTO PurchaseLines VALUES(199,99,23,NULL,'1.0','159.27','94.69');
INSERT INTO PurchaseLines VALUES(200,99,13,NULL,'1.0','175.11','110.39');
INSERT INTO PurchaseLines VALUES(201,100,8,NULL,'3.0','153.74','110.7');
INSERT INTO PurchaseLines VALUES(202,101,5,NULL,'1.0','77.43','42.51');
INSERT INTO PurchaseLines VALUES(203,101,16,NULL,'1.0','57.36','31.85');
INSERT INTO PurchaseLines VALUES(204,102,9,NULL,'4.0','110.29','76.61');
INSERT INTO PurchaseLines VALUES(205,102,20,NULL,'8.0','52.64','26.9');
INSERT INTO PurchaseLines VALUES(206,103,10,NULL,'1.0','218.88','136.18');
INSERT INTO PurchaseLines VALUES(207,103,6,NULL,'2.0','90.21','42.09');
INSERT INTO PurchaseLines VALUES(208,104,20,NULL,'3.0','52.64','26.9');
INSERT INTO PurchaseLines VALUES(209,104,19,NULL,'5.0','33.83','24.13');
INSERT INTO PurchaseLines VALUES(210,104,15,NULL,'1.0','132.26','96.81');
INSERT INTO PurchaseLines VALUES(211,105,2,NULL,'1.0','9338.0','6740.26');
INSERT INTO PurchaseLines VALUES(212,105,23,NULL,'1.0','14334.0','8522.16');
INSERT INTO PurchaseLines VALUES(213,105,4,NULL,'1.0','16893.0','12470.61');
INSERT INTO PurchaseLines VALUES(214,106,3,NULL,'20.0','40.53','20.33');
INSERT INTO PurchaseLines VALUES(215,107,11,NULL,'6.0','5770.0','3542.93');
INSERT INTO PurchaseLines VALUES(216,108,6,NULL,'1.0','90.21','42.09');
INSERT INTO PurchaseLines VALUES(217,108,17,NULL,'1.0','162.34','85.93');
INSERT INTO PurchaseLines VALUES(218,108,9,NULL,'1.0','110.29','76.61');
INSERT INTO PurchaseLines VALUES(219,109,25,NULL,'2.0','51.43','33.56');
INSERT INTO PurchaseLines VALUES(220,109,9,NULL,'1.0','110.29','76.61');
INSERT INTO PurchaseLines VALUES(221,109,17,NULL,'1.0','162.34','85.93');
INSERT INTO PurchaseLines VALUES(222,110,19,NULL,'5.0','33.83','24.13');
INSERT INTO PurchaseLines VALUES(223,110,23,NULL,'1.0','159.27','94.69');
INSERT INTO PurchaseLines VALUES(224,111,13,NULL,'1.0','15760.0','9934.93');
INSERT INTO PurchaseLines VALUES(225,111,7,NULL,'5.0','4092.0','2077.49');
INSERT INTO PurchaseLines VALUES(226,112,21,NULL,'5.0','213.29','145.38');
INSERT INTO PurchaseLines VALUES(227,113,23,NULL,'1.0','14334.0','8522.16');
INSERT INTO PurchaseLines VALUES(228,113,13,NULL,'1.0','15760.0','9934.93');
INSERT INTO PurchaseLines VALUES(229,113,15,NULL,'1.0','11903.0','8713.23');
INSERT INTO PurchaseLines VALUES(230,114,8,NULL,'1.0','153.74','110.7');
INSERT INTO PurchaseLines VALUES(231,114,12,NULL,'1.0','191.32','136.34');
INSERT INTO PurchaseLines VALUES(232,115,6,NULL,'2.0','90.21','42.09');
INSERT INTO PurchaseLines VALUES(233,115,23,NULL,'1.0','159.27','94.69');
INSERT INTO PurchaseLines VALUES(234,116,18,NULL,'2.0','9873.0','5152.76');
INSERT INTO PurchaseLines VALUES(235,117,19,NULL,'3.0','33.83','24.13');
INSERT INTO PurchaseLines VALUES(236,117,15,NULL,'1.0','132.26','96.81');
INSERT INTO PurchaseLines VALUES(237,117,1,NULL,'1.0','107.31','49.74');
INSERT INTO PurchaseLines VALUES(238,118,22,NULL,'4.0','93.9','56.85');
INSERT INTO PurchaseLines VALUES(239,118,1,NULL,'3.0','107.31','49.74');
INSERT INTO PurchaseLines VALUES(240,119,21,NULL,'1.0','213.29','145.38');
INSERT INTO PurchaseLines VALUES(241,119,23,NULL,'1.0','159.27','94.69');
INSERT INTO PurchaseLines VALUES(242,120,10,NULL,'1.0','19699.0','12255.8');
INSERT INTO PurchaseLines VALUES(243,121,22,NULL,'1.0','8451.0','5116.88');
INSERT INTO PurchaseLines VALUES(244,121,15,NULL,'1.0','11903.0','8713.23');
INSERT INTO PurchaseLines VALUES(245,122,11,NULL,'7.0','64.11','39.37');
INSERT INTO PurchaseLines VALUES(246,123,13,NULL,'1.0','15760.0','9934.93');
INSERT INTO PurchaseLines VALUES(247,123,21,NULL,'1.0','19196.0','13084.19');
INSERT INTO PurchaseLines VALUES(248,123,16,NULL,'2.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(249,124,2,NULL,'8.0','103.76','74.89');
INSERT INTO PurchaseLines VALUES(250,125,18,NULL,'6.0','9873.0','5152.76');
INSERT INTO PurchaseLines VALUES(251,126,19,NULL,'15.0','33.83','24.13');
INSERT INTO PurchaseLines VALUES(252,126,2,NULL,'5.0','103.76','74.89');
INSERT INTO PurchaseLines VALUES(253,127,3,NULL,'4.0','3648.0','1829.57');
INSERT INTO PurchaseLines VALUES(254,127,15,NULL,'1.0','11903.0','8713.23');
INSERT INTO PurchaseLines VALUES(255,128,24,NULL,'6.0','1792.0','1144.84');
INSERT INTO PurchaseLines VALUES(256,128,18,NULL,'1.0','9873.0','5152.76');
INSERT INTO PurchaseLines VALUES(257,129,20,NULL,'9.0','4738.0','2421.06');
INSERT INTO PurchaseLines VALUES(258,129,9,NULL,'4.0','9926.0','6894.62');
INSERT INTO PurchaseLines VALUES(259,130,18,NULL,'6.0','9873.0','5152.76');
INSERT INTO PurchaseLines VALUES(260,131,10,NULL,'2.0','218.88','136.18');
INSERT INTO PurchaseLines VALUES(261,132,6,NULL,'5.0','8119.0','3787.94');
INSERT INTO PurchaseLines VALUES(262,132,15,NULL,'3.0','11903.0','8713.23');
INSERT INTO PurchaseLines VALUES(263,133,19,NULL,'7.0','3045.0','2171.84');
INSERT INTO PurchaseLines VALUES(264,133,10,NULL,'1.0','19699.0','12255.8');
INSERT INTO PurchaseLines VALUES(265,134,7,NULL,'10.0','45.47','23.08');
INSERT INTO PurchaseLines VALUES(266,135,17,NULL,'7.0','162.34','85.93');
INSERT INTO PurchaseLines VALUES(267,136,19,NULL,'17.0','3045.0','2171.84');
INSERT INTO PurchaseLines VALUES(268,137,12,NULL,'1.0','191.32','136.34');
INSERT INTO PurchaseLines VALUES(269,137,13,NULL,'2.0','175.11','110.39');
INSERT INTO PurchaseLines VALUES(270,137,22,NULL,'3.0','93.9','56.85');
INSERT INTO PurchaseLines VALUES(271,138,8,NULL,'1.0','13837.0','9963.04');
INSERT INTO PurchaseLines VALUES(272,138,7,NULL,'4.0','4092.0','2077.49');
INSERT INTO PurchaseLines VALUES(273,139,18,NULL,'2.0','109.7','57.25');
INSERT INTO PurchaseLines VALUES(274,139,15,NULL,'1.0','132.26','96.81');
INSERT INTO PurchaseLines VALUES(275,140,15,NULL,'1.0','11903.0','8713.23');
INSERT INTO PurchaseLines VALUES(276,140,8,NULL,'1.0','13837.0','9963.04');
INSERT INTO PurchaseLines VALUES(277,141,19,NULL,'6.0','3045.0','2171.84');
INSERT INTO PurchaseLines VALUES(278,141,12,NULL,'1.0','17219.0','12270.76');
INSERT INTO PurchaseLines VALUES(279,141,23,NULL,'1.0','14334.0','8522.16');
INSERT INTO PurchaseLines VALUES(280,142,19,NULL,'6.0','33.83','24.13');
INSERT INTO PurchaseLines VALUES(281,143,4,NULL,'1.0','16893.0','12470.61');
INSERT INTO PurchaseLines VALUES(282,143,1,NULL,'2.0','9658.0','4476.28');
INSERT INTO PurchaseLines VALUES(283,144,9,NULL,'13.0','9926.0','6894.62');
INSERT INTO PurchaseLines VALUES(284,144,2,NULL,'14.0','9338.0','6740.26');
INSERT INTO PurchaseLines VALUES(285,145,17,NULL,'1.0','14611.0','7733.55');
INSERT INTO PurchaseLines VALUES(286,145,12,NULL,'1.0','17219.0','12270.76');
INSERT INTO PurchaseLines VALUES(287,145,15,NULL,'1.0','11903.0','8713.23');
INSERT INTO PurchaseLines VALUES(288,146,19,NULL,'14.0','3045.0','2171.84');
INSERT INTO PurchaseLines VALUES(289,146,2,NULL,'4.0','9338.0','6740.26');
INSERT INTO PurchaseLines VALUES(290,146,9,NULL,'4.0','9926.0','6894.62');
INSERT INTO PurchaseLines VALUES(291,147,23,NULL,'5.0','14334.0','8522.16');
INSERT INTO PurchaseLines VALUES(292,148,7,NULL,'14.0','45.47','23.08');
INSERT INTO PurchaseLines VALUES(293,148,18,NULL,'6.0','109.7','57.25');
INSERT INTO PurchaseLines VALUES(294,149,20,NULL,'4.0','52.64','26.9');
INSERT INTO PurchaseLines VALUES(295,150,9,NULL,'1.0','9926.0','6894.62');
INSERT INTO PurchaseLines VALUES(296,150,1,NULL,'1.0','9658.0','4476.28');
INSERT INTO PurchaseLines VALUES(297,150,5,NULL,'1.0','6969.0','3825.91');
INSERT INTO PurchaseLines VALUES(298,151,3,NULL,'2.0','3648.0','1829.57');
INSERT INTO PurchaseLines VALUES(299,151,24,NULL,'3.0','1792.0','1144.84');
INSERT INTO PurchaseLines VALUES(300,152,18,NULL,'3.0','9873.0','5152.76');
INSERT INTO PurchaseLines VALUES(301,153,8,NULL,'2.0','153.74','110.7');
INSERT INTO PurchaseLines VALUES(302,153,3,NULL,'6.0','40.53','20.33');
INSERT INTO PurchaseLines VALUES(303,153,16,NULL,'4.0','57.36','31.85');
INSERT INTO PurchaseLines VALUES(304,154,25,NULL,'9.0','4629.0','3020.67');
INSERT INTO PurchaseLines VALUES(305,155,18,NULL,'1.0','9873.0','5152.76');
INSERT INTO PurchaseLines VALUES(306,155,16,NULL,'1.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(307,156,12,NULL,'1.0','17219.0','12270.76');
INSERT INTO PurchaseLines VALUES(308,156,3,NULL,'1.0','3648.0','1829.57');
INSERT INTO PurchaseLines VALUES(309,156,7,NULL,'1.0','4092.0','2077.49');
INSERT INTO PurchaseLines VALUES(310,157,20,NULL,'7.0','52.64','26.9');
INSERT INTO PurchaseLines VALUES(311,158,20,NULL,'2.0','4738.0','2421.06');
INSERT INTO PurchaseLines VALUES(312,158,25,NULL,'2.0','4629.0','3020.67');
INSERT INTO PurchaseLines VALUES(313,158,18,NULL,'1.0','9873.0','5152.76');
INSERT INTO PurchaseLines VALUES(314,159,24,NULL,'2.0','1792.0','1144.84');
INSERT INTO PurchaseLines VALUES(315,159,10,NULL,'1.0','19699.0','12255.8');
INSERT INTO PurchaseLines VALUES(316,160,19,NULL,'1.0','3045.0','2171.84');
INSERT INTO PurchaseLines VALUES(317,160,18,NULL,'1.0','9873.0','5152.76');
INSERT INTO PurchaseLines VALUES(318,160,1,NULL,'1.0','9658.0','4476.28');
INSERT INTO PurchaseLines VALUES(319,161,3,NULL,'9.0','3648.0','1829.57');
INSERT INTO PurchaseLines VALUES(320,162,14,NULL,'1.0','89.21','53.62');
INSERT INTO PurchaseLines VALUES(321,162,22,NULL,'1.0','93.9','56.85');
INSERT INTO PurchaseLines VALUES(322,163,24,NULL,'30.0','1792.0','1144.84');
INSERT INTO PurchaseLines VALUES(323,164,2,NULL,'4.0','103.76','74.89');
INSERT INTO PurchaseLines VALUES(324,164,19,NULL,'13.0','33.83','24.13');
INSERT INTO PurchaseLines VALUES(325,165,4,NULL,'2.0','16893.0','12470.61');
INSERT INTO PurchaseLines VALUES(326,165,5,NULL,'5.0','6969.0','3825.91');
INSERT INTO PurchaseLines VALUES(327,166,4,NULL,'2.0','16893.0','12470.61');
INSERT INTO PurchaseLines VALUES(328,167,20,NULL,'6.0','52.64','26.9');
INSERT INTO PurchaseLines VALUES(329,168,8,NULL,'1.0','153.74','110.7');
INSERT INTO PurchaseLines VALUES(330,168,16,NULL,'2.0','57.36','31.85');
INSERT INTO PurchaseLines VALUES(331,169,23,NULL,'2.0','14334.0','8522.16');
INSERT INTO PurchaseLines VALUES(332,169,10,NULL,'2.0','19699.0','12255.8');
INSERT INTO PurchaseLines VALUES(333,170,11,NULL,'18.0','64.11','39.37');
INSERT INTO PurchaseLines VALUES(334,171,13,NULL,'1.0','15760.0','9934.93');
INSERT INTO PurchaseLines VALUES(335,171,9,NULL,'1.0','9926.0','6894.62');
INSERT INTO PurchaseLines VALUES(336,172,11,NULL,'5.0','64.11','39.37');
INSERT INTO PurchaseLines VALUES(337,172,16,NULL,'6.0','57.36','31.85');
INSERT INTO PurchaseLines VALUES(338,173,13,NULL,'3.0','175.11','110.39');
INSERT INTO PurchaseLines VALUES(339,174,4,NULL,'2.0','187.7','138.56');
INSERT INTO PurchaseLines VALUES(340,174,10,NULL,'2.0','218.88','136.18');
INSERT INTO PurchaseLines VALUES(341,175,25,NULL,'1.0','4629.0','3020.67');
INSERT INTO PurchaseLines VALUES(342,175,1,NULL,'1.0','9658.0','4476.28');
INSERT INTO PurchaseLines VALUES(343,175,16,NULL,'1.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(344,176,7,NULL,'17.0','4092.0','2077.49');
INSERT INTO PurchaseLines VALUES(345,177,20,NULL,'2.0','4738.0','2421.06');
INSERT INTO PurchaseLines VALUES(346,177,14,NULL,'1.0','8029.0','4825.37');
INSERT INTO PurchaseLines VALUES(347,178,20,NULL,'8.0','52.64','26.9');
INSERT INTO PurchaseLines VALUES(348,178,24,NULL,'20.0','19.91','12.72');
INSERT INTO PurchaseLines VALUES(349,178,19,NULL,'12.0','33.83','24.13');
INSERT INTO PurchaseLines VALUES(350,179,20,NULL,'2.0','52.64','26.9');
INSERT INTO PurchaseLines VALUES(351,179,12,NULL,'1.0','191.32','136.34');
INSERT INTO PurchaseLines VALUES(352,180,5,NULL,'3.0','6969.0','3825.91');
INSERT INTO PurchaseLines VALUES(353,180,15,NULL,'2.0','11903.0','8713.23');
INSERT INTO PurchaseLines VALUES(354,180,16,NULL,'3.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(355,181,10,NULL,'1.0','218.88','136.18');
INSERT INTO PurchaseLines VALUES(356,182,10,NULL,'2.0','218.88','136.18');
INSERT INTO PurchaseLines VALUES(357,182,19,NULL,'12.0','33.83','24.13');
INSERT INTO PurchaseLines VALUES(358,183,15,NULL,'3.0','132.26','96.81');
INSERT INTO PurchaseLines VALUES(359,184,2,NULL,'2.0','9338.0','6740.26');
INSERT INTO PurchaseLines VALUES(360,185,1,NULL,'3.0','9658.0','4476.28');
INSERT INTO PurchaseLines VALUES(361,185,7,NULL,'7.0','4092.0','2077.49');
INSERT INTO PurchaseLines VALUES(362,186,24,NULL,'6.0','1792.0','1144.84');
INSERT INTO PurchaseLines VALUES(363,187,8,NULL,'1.0','153.74','110.7');
INSERT INTO PurchaseLines VALUES(364,187,18,NULL,'1.0','109.7','57.25');
INSERT INTO PurchaseLines VALUES(365,187,17,NULL,'1.0','162.34','85.93');
INSERT INTO PurchaseLines VALUES(366,188,22,NULL,'3.0','8451.0','5116.88');
INSERT INTO PurchaseLines VALUES(367,189,21,NULL,'1.0','19196.0','13084.19');
INSERT INTO PurchaseLines VALUES(368,189,16,NULL,'2.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(369,189,6,NULL,'2.0','8119.0','3787.94');
INSERT INTO PurchaseLines VALUES(370,190,4,NULL,'2.0','16893.0','12470.61');
INSERT INTO PurchaseLines VALUES(371,190,2,NULL,'4.0','9338.0','6740.26');
INSERT INTO PurchaseLines VALUES(372,191,7,NULL,'5.0','4092.0','2077.49');
INSERT INTO PurchaseLines VALUES(373,192,17,NULL,'1.0','14611.0','7733.55');
INSERT INTO PurchaseLines VALUES(374,192,21,NULL,'1.0','19196.0','13084.19');
INSERT INTO PurchaseLines VALUES(375,192,9,NULL,'1.0','9926.0','6894.62');
INSERT INTO PurchaseLines VALUES(376,193,4,NULL,'4.0','187.7','138.56');
INSERT INTO PurchaseLines VALUES(377,194,17,NULL,'1.0','14611.0','7733.55');
INSERT INTO PurchaseLines VALUES(378,195,18,NULL,'2.0','9873.0','5152.76');
INSERT INTO PurchaseLines VALUES(379,195,10,NULL,'1.0','19699.0','12255.8');
INSERT INTO PurchaseLines VALUES(380,196,4,NULL,'1.0','16893.0','12470.61');
INSERT INTO PurchaseLines VALUES(381,196,19,NULL,'4.0','3045.0','2171.84');
INSERT INTO PurchaseLines VALUES(382,196,1,NULL,'1.0','9658.0','4476.28');
INSERT INTO PurchaseLines VALUES(383,197,7,NULL,'4.0','45.47','23.08');
INSERT INTO PurchaseLines VALUES(384,197,5,NULL,'2.0','77.43','42.51');
INSERT INTO PurchaseLines VALUES(385,198,15,NULL,'2.0','132.26','96.81');
INSERT INTO PurchaseLines VALUES(386,199,1,NULL,'1.0','9658.0','4476.28');
INSERT INTO PurchaseLines VALUES(387,199,7,NULL,'1.0','4092.0','2077.49');
INSERT INTO PurchaseLines VALUES(388,200,6,NULL,'1.0','8119.0','3787.94');
INSERT INTO PurchaseLines VALUES(389,200,1,NULL,'1.0','9658.0','4476.28');
INSERT INTO PurchaseLines VALUES(390,201,19,NULL,'13.0','33.83','24.13');
INSERT INTO PurchaseLines VALUES(391,201,1,NULL,'4.0','107.31','49.74');
INSERT INTO PurchaseLines VALUES(392,202,17,NULL,'2.0','162.34','85.93');
INSERT INTO PurchaseLines VALUES(393,202,3,NULL,'6.0','40.53','20.33');
INSERT INTO PurchaseLines VALUES(394,202,7,NULL,'5.0','45.47','23.08');
INSERT INTO PurchaseLines VALUES(395,203,11,NULL,'2.0','5770.0','3542.93');
INSERT INTO PurchaseLines VALUES(396,203,16,NULL,'2.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(397,204,24,NULL,'9.0','19.91','12.72');
INSERT INTO PurchaseLines VALUES(398,204,21,NULL,'1.0','213.29','145.38');
INSERT INTO PurchaseLines VALUES(399,204,5,NULL,'2.0','77.43','42.51');
INSERT INTO PurchaseLines VALUES(400,205,22,NULL,'4.0','8451.0','5116.88');
INSERT INTO PurchaseLines VALUES(401,206,25,NULL,'2.0','51.43','33.56');
INSERT INTO PurchaseLines VALUES(402,206,10,NULL,'1.0','218.88','136.18');
INSERT INTO PurchaseLines VALUES(403,207,2,NULL,'2.0','103.76','74.89');
INSERT INTO PurchaseLines VALUES(404,207,2,NULL,'2.0','103.76','74.89');
INSERT INTO PurchaseLines VALUES(405,208,13,NULL,'2.0','15760.0','9934.93');
INSERT INTO PurchaseLines VALUES(406,209,5,NULL,'2.0','6969.0','3825.91');
INSERT INTO PurchaseLines VALUES(407,210,5,NULL,'1.0','77.43','42.51');
INSERT INTO PurchaseLines VALUES(408,210,1,NULL,'1.0','107.31','49.74');
INSERT INTO PurchaseLines VALUES(409,211,15,NULL,'9.0','132.26','96.81');
INSERT INTO PurchaseLines VALUES(410,212,8,NULL,'1.0','13837.0','9963.04');
INSERT INTO PurchaseLines VALUES(411,212,20,NULL,'3.0','4738.0','2421.06');
INSERT INTO PurchaseLines VALUES(412,213,12,NULL,'1.0','191.32','136.34');
INSERT INTO PurchaseLines VALUES(413,214,25,NULL,'2.0','51.43','33.56');
INSERT INTO PurchaseLines VALUES(414,214,16,NULL,'1.0','57.36','31.85');
INSERT INTO PurchaseLines VALUES(415,214,11,NULL,'1.0','64.11','39.37');
INSERT INTO PurchaseLines VALUES(416,215,25,NULL,'5.0','51.43','33.56');
INSERT INTO PurchaseLines VALUES(417,216,14,NULL,'5.0','8029.0','4825.37');
INSERT INTO PurchaseLines VALUES(418,217,15,NULL,'1.0','11903.0','8713.23');
INSERT INTO PurchaseLines VALUES(419,217,11,NULL,'2.0','5770.0','3542.93');
INSERT INTO PurchaseLines VALUES(420,217,4,NULL,'1.0','16893.0','12470.61');
INSERT INTO PurchaseLines VALUES(421,218,21,NULL,'1.0','19196.0','13084.19');
INSERT INTO PurchaseLines VALUES(422,219,24,NULL,'23.0','1792.0','1144.84');
INSERT INTO PurchaseLines VALUES(423,220,7,NULL,'2.0','4092.0','2077.49');
INSERT INTO PurchaseLines VALUES(424,220,11,NULL,'2.0','5770.0','3542.93');
INSERT INTO PurchaseLines VALUES(425,221,12,NULL,'7.0','17219.0','12270.76');
INSERT INTO PurchaseLines VALUES(426,222,18,NULL,'5.0','109.7','57.25');
INSERT INTO PurchaseLines VALUES(427,223,18,NULL,'2.0','109.7','57.25');
INSERT INTO PurchaseLines VALUES(428,223,4,NULL,'1.0','187.7','138.56');
INSERT INTO PurchaseLines VALUES(429,224,15,NULL,'3.0','11903.0','8713.23');
INSERT INTO PurchaseLines VALUES(430,224,23,NULL,'2.0','14334.0','8522.16');
INSERT INTO PurchaseLines VALUES(431,225,3,NULL,'3.0','40.53','20.33');
INSERT INTO PurchaseLines VALUES(432,225,19,NULL,'3.0','33.83','24.13');
INSERT INTO PurchaseLines VALUES(433,226,20,NULL,'3.0','52.64','26.9');
INSERT INTO PurchaseLines VALUES(434,226,25,NULL,'3.0','51.43','33.56');
INSERT INTO PurchaseLines VALUES(435,226,19,NULL,'4.0','33.83','24.13');
INSERT INTO PurchaseLines VALUES(436,227,20,NULL,'2.0','4738.0','2421.06');
INSERT INTO PurchaseLines VALUES(437,227,14,NULL,'1.0','8029.0','4825.37');
INSERT INTO PurchaseLines VALUES(438,227,22,NULL,'1.0','8451.0','5116.88');
INSERT INTO PurchaseLines VALUES(439,228,17,NULL,'3.0','162.34','85.93');
INSERT INTO PurchaseLines VALUES(440,229,20,NULL,'3.0','4738.0','2421.06');
INSERT INTO PurchaseLines VALUES(441,229,13,NULL,'1.0','15760.0','9934.93');
INSERT INTO PurchaseLines VALUES(442,230,4,NULL,'2.0','16893.0','12470.61');
INSERT INTO PurchaseLines VALUES(443,231,13,NULL,'1.0','15760.0','9934.93');
INSERT INTO PurchaseLines VALUES(444,231,5,NULL,'1.0','6969.0','3825.91');
INSERT INTO PurchaseLines VALUES(445,231,13,NULL,'1.0','15760.0','9934.93');
INSERT INTO PurchaseLines VALUES(446,232,21,NULL,'1.0','19196.0','13084.19');
INSERT INTO PurchaseLines VALUES(447,232,20,NULL,'2.0','4738.0','2421.06');
INSERT INTO PurchaseLines VALUES(448,232,25,NULL,'2.0','4629.0','3020.67');
INSERT INTO PurchaseLines VALUES(449,233,25,NULL,'8.0','51.43','33.56');
INSERT INTO PurchaseLines VALUES(450,234,4,NULL,'5.0','16893.0','12470.61');
INSERT INTO PurchaseLines VALUES(451,234,25,NULL,'19.0','4629.0','3020.67');
INSERT INTO PurchaseLines VALUES(452,235,6,NULL,'2.0','8119.0','3787.94');
INSERT INTO PurchaseLines VALUES(453,236,15,NULL,'4.0','11903.0','8713.23');
INSERT INTO PurchaseLines VALUES(454,236,25,NULL,'11.0','4629.0','3020.67');
INSERT INTO PurchaseLines VALUES(455,237,17,NULL,'1.0','162.34','85.93');
INSERT INTO PurchaseLines VALUES(456,237,15,NULL,'1.0','132.26','96.81');
INSERT INTO PurchaseLines VALUES(457,237,22,NULL,'1.0','93.9','56.85');
INSERT INTO PurchaseLines VALUES(458,238,8,NULL,'1.0','13837.0','9963.04');
INSERT INTO PurchaseLines VALUES(459,238,13,NULL,'1.0','15760.0','9934.93');
INSERT INTO PurchaseLines VALUES(460,238,19,NULL,'4.0','3045.0','2171.84');
INSERT INTO PurchaseLines VALUES(461,239,12,NULL,'5.0','17219.0','12270.76');
INSERT INTO PurchaseLines VALUES(462,240,8,NULL,'1.0','13837.0','9963.04');
INSERT INTO PurchaseLines VALUES(463,241,16,NULL,'7.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(464,242,17,NULL,'1.0','14611.0','7733.55');
INSERT INTO PurchaseLines VALUES(465,242,1,NULL,'1.0','9658.0','4476.28');
INSERT INTO PurchaseLines VALUES(466,243,14,NULL,'3.0','8029.0','4825.37');
INSERT INTO PurchaseLines VALUES(467,243,8,NULL,'1.0','13837.0','9963.04');
INSERT INTO PurchaseLines VALUES(468,244,20,NULL,'3.0','4738.0','2421.06');
INSERT INTO PurchaseLines VALUES(469,244,8,NULL,'1.0','13837.0','9963.04');
INSERT INTO PurchaseLines VALUES(470,245,6,NULL,'3.0','8119.0','3787.94');
INSERT INTO PurchaseLines VALUES(471,245,2,NULL,'2.0','9338.0','6740.26');
INSERT INTO PurchaseLines VALUES(472,246,3,NULL,'27.0','3648.0','1829.57');
INSERT INTO PurchaseLines VALUES(473,247,17,NULL,'1.0','14611.0','7733.55');
INSERT INTO PurchaseLines VALUES(474,247,25,NULL,'4.0','4629.0','3020.67');
INSERT INTO PurchaseLines VALUES(475,248,7,NULL,'1.0','4092.0','2077.49');
INSERT INTO PurchaseLines VALUES(476,248,25,NULL,'1.0','4629.0','3020.67');
INSERT INTO PurchaseLines VALUES(477,249,10,NULL,'4.0','19699.0','12255.8');
INSERT INTO PurchaseLines VALUES(478,250,18,NULL,'10.0','9873.0','5152.76');
INSERT INTO PurchaseLines VALUES(479,251,9,NULL,'2.0','110.29','76.61');
INSERT INTO PurchaseLines VALUES(480,252,11,NULL,'2.0','5770.0','3542.93');
INSERT INTO PurchaseLines VALUES(481,252,4,NULL,'1.0','16893.0','12470.61');
INSERT INTO PurchaseLines VALUES(482,252,12,NULL,'1.0','17219.0','12270.76');
INSERT INTO PurchaseLines VALUES(483,253,3,NULL,'3.0','40.53','20.33');
INSERT INTO PurchaseLines VALUES(484,253,7,NULL,'3.0','45.47','23.08');
INSERT INTO PurchaseLines VALUES(485,254,16,NULL,'6.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(486,254,6,NULL,'4.0','8119.0','3787.94');
INSERT INTO PurchaseLines VALUES(487,254,5,NULL,'4.0','6969.0','3825.91');
INSERT INTO PurchaseLines VALUES(488,255,22,NULL,'3.0','8451.0','5116.88');
INSERT INTO PurchaseLines VALUES(489,255,17,NULL,'1.0','14611.0','7733.55');
INSERT INTO PurchaseLines VALUES(490,255,4,NULL,'1.0','16893.0','12470.61');
INSERT INTO PurchaseLines VALUES(491,256,6,NULL,'5.0','8119.0','3787.94');
INSERT INTO PurchaseLines VALUES(492,256,20,NULL,'8.0','4738.0','2421.06');
INSERT INTO PurchaseLines VALUES(493,257,12,NULL,'2.0','17219.0','12270.76');
INSERT INTO PurchaseLines VALUES(494,258,10,NULL,'1.0','218.88','136.18');
INSERT INTO PurchaseLines VALUES(495,258,10,NULL,'1.0','218.88','136.18');
INSERT INTO PurchaseLines VALUES(496,258,6,NULL,'2.0','90.21','42.09');
INSERT INTO PurchaseLines VALUES(497,259,14,NULL,'3.0','89.21','53.62');
INSERT INTO PurchaseLines VALUES(498,260,14,NULL,'1.0','8029.0','4825.37');
INSERT INTO PurchaseLines VALUES(499,260,14,NULL,'1.0','8029.0','4825.37');
INSERT INTO PurchaseLines VALUES(500,260,2,NULL,'1.0','9338.0','6740.26');
INSERT INTO PurchaseLines VALUES(501,261,25,NULL,'2.0','4629.0','3020.67');
INSERT INTO PurchaseLines VALUES(502,261,11,NULL,'2.0','5770.0','3542.93');
INSERT INTO PurchaseLines VALUES(503,262,25,NULL,'3.0','51.43','33.56');
INSERT INTO PurchaseLines VALUES(504,262,24,NULL,'8.0','19.91','12.72');
INSERT INTO PurchaseLines VALUES(505,262,11,NULL,'3.0','64.11','39.37');
INSERT INTO PurchaseLines VALUES(506,263,17,NULL,'1.0','14611.0','7733.55');
INSERT INTO PurchaseLines VALUES(507,263,5,NULL,'2.0','6969.0','3825.91');
INSERT INTO PurchaseLines VALUES(508,263,23,NULL,'1.0','14334.0','8522.16');
INSERT INTO PurchaseLines VALUES(509,264,20,NULL,'4.0','4738.0','2421.06');
INSERT INTO PurchaseLines VALUES(510,264,7,NULL,'5.0','4092.0','2077.49');
INSERT INTO PurchaseLines VALUES(511,265,25,NULL,'1.0','4629.0','3020.67');
INSERT INTO PurchaseLines VALUES(512,265,3,NULL,'2.0','3648.0','1829.57');
INSERT INTO PurchaseLines VALUES(513,265,24,NULL,'4.0','1792.0','1144.84');
INSERT INTO PurchaseLines VALUES(514,266,7,NULL,'1.0','4092.0','2077.49');
INSERT INTO PurchaseLines VALUES(515,266,4,NULL,'1.0','16893.0','12470.61');
INSERT INTO PurchaseLines VALUES(516,266,1,NULL,'1.0','9658.0','4476.28');
INSERT INTO PurchaseLines VALUES(517,267,5,NULL,'1.0','6969.0','3825.91');
INSERT INTO PurchaseLines VALUES(518,267,11,NULL,'1.0','5770.0','3542.93');
INSERT INTO PurchaseLines VALUES(519,268,9,NULL,'11.0','110.29','76.61');
INSERT INTO PurchaseLines VALUES(520,269,5,NULL,'2.0','6969.0','3825.91');
INSERT INTO PurchaseLines VALUES(521,269,24,NULL,'8.0','1792.0','1144.84');
INSERT INTO PurchaseLines VALUES(522,269,23,NULL,'1.0','14334.0','8522.16');
INSERT INTO PurchaseLines VALUES(523,270,25,NULL,'2.0','4629.0','3020.67');
INSERT INTO PurchaseLines VALUES(524,271,21,NULL,'4.0','19196.0','13084.19');
INSERT INTO PurchaseLines VALUES(525,271,13,NULL,'5.0','15760.0','9934.93');
INSERT INTO PurchaseLines VALUES(526,272,7,NULL,'9.0','4092.0','2077.49');
INSERT INTO PurchaseLines VALUES(527,273,2,NULL,'6.0','103.76','74.89');
INSERT INTO PurchaseLines VALUES(528,274,12,NULL,'1.0','17219.0','12270.76');
INSERT INTO PurchaseLines VALUES(529,274,2,NULL,'1.0','9338.0','6740.26');
INSERT INTO PurchaseLines VALUES(530,274,23,NULL,'1.0','14334.0','8522.16');
INSERT INTO PurchaseLines VALUES(531,275,23,NULL,'2.0','159.27','94.69');
INSERT INTO PurchaseLines VALUES(532,275,4,NULL,'1.0','187.7','138.56');
INSERT INTO PurchaseLines VALUES(533,275,16,NULL,'5.0','57.36','31.85');
INSERT INTO PurchaseLines VALUES(534,276,14,NULL,'7.0','8029.0','4825.37');
INSERT INTO PurchaseLines VALUES(535,276,2,NULL,'6.0','9338.0','6740.26');
INSERT INTO PurchaseLines VALUES(536,277,10,NULL,'1.0','19699.0','12255.8');
INSERT INTO PurchaseLines VALUES(537,277,21,NULL,'1.0','19196.0','13084.19');
INSERT INTO PurchaseLines VALUES(538,277,11,NULL,'1.0','5770.0','3542.93');
INSERT INTO PurchaseLines VALUES(539,278,2,NULL,'1.0','103.76','74.89');
INSERT INTO PurchaseLines VALUES(540,278,12,NULL,'1.0','191.32','136.34');
INSERT INTO PurchaseLines VALUES(541,278,16,NULL,'2.0','57.36','31.85');
INSERT INTO PurchaseLines VALUES(542,279,16,NULL,'1.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(543,279,14,NULL,'1.0','8029.0','4825.37');
INSERT INTO PurchaseLines VALUES(544,279,24,NULL,'3.0','1792.0','1144.84');
INSERT INTO PurchaseLines VALUES(545,280,8,NULL,'1.0','13837.0','9963.04');
INSERT INTO PurchaseLines VALUES(546,280,16,NULL,'1.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(547,280,12,NULL,'1.0','17219.0','12270.76');
INSERT INTO PurchaseLines VALUES(548,281,12,NULL,'1.0','17219.0','12270.76');
INSERT INTO PurchaseLines VALUES(549,281,7,NULL,'3.0','4092.0','2077.49');
INSERT INTO PurchaseLines VALUES(550,282,16,NULL,'1.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(551,282,8,NULL,'1.0','13837.0','9963.04');
INSERT INTO PurchaseLines VALUES(552,282,2,NULL,'1.0','9338.0','6740.26');
INSERT INTO PurchaseLines VALUES(553,283,7,NULL,'7.0','45.47','23.08');
INSERT INTO PurchaseLines VALUES(554,284,16,NULL,'5.0','57.36','31.85');
INSERT INTO PurchaseLines VALUES(555,284,7,NULL,'6.0','45.47','23.08');
INSERT INTO PurchaseLines VALUES(556,284,10,NULL,'1.0','218.88','136.18');
INSERT INTO PurchaseLines VALUES(557,285,15,NULL,'1.0','132.26','96.81');
INSERT INTO PurchaseLines VALUES(558,285,15,NULL,'1.0','132.26','96.81');
INSERT INTO PurchaseLines VALUES(559,285,25,NULL,'2.0','51.43','33.56');
INSERT INTO PurchaseLines VALUES(560,286,21,NULL,'1.0','213.29','145.38');
INSERT INTO PurchaseLines VALUES(561,286,3,NULL,'1.0','40.53','20.33');
INSERT INTO PurchaseLines VALUES(562,287,19,NULL,'5.0','33.83','24.13');
INSERT INTO PurchaseLines VALUES(563,287,16,NULL,'3.0','57.36','31.85');
INSERT INTO PurchaseLines VALUES(564,288,25,NULL,'4.0','51.43','33.56');
INSERT INTO PurchaseLines VALUES(565,288,22,NULL,'2.0','93.9','56.85');
INSERT INTO PurchaseLines VALUES(566,289,22,NULL,'2.0','93.9','56.85');
INSERT INTO PurchaseLines VALUES(567,290,16,NULL,'7.0','5162.0','2866.15');
INSERT INTO PurchaseLines VALUES(568,290,18,NULL,'3.0','9873.0','5152.76');
INSERT INTO PurchaseLines VALUES(569,290,1,NULL,'4.0','9658.0','4476.28');
INSERT INTO PurchaseLines VALUES(570,291,17,NULL,'1.0','14611.0','7733.55');
INSERT INTO PurchaseLines VALUES(571,291,4,NULL,'1.0','16893.0','12470.61');
INSERT INTO PurchaseLines VALUES(572,292,13,NULL,'1.0','15760.0','9934.93');
INSERT INTO PurchaseLines VALUES(573,292,1,NULL,'1.0','9658.0','4476.28');
INSERT INTO PurchaseLines VALUES(574,293,22,NULL,'1.0','8451.0','5116.88');
INSERT INTO PurchaseLines VALUES(575,293,6,NULL,'1.0','8119.0','3787.94');
INSERT INTO PurchaseLines VALUES(576,293,23,NULL,'1.0','14334.0','8522.16');
INSERT INTO PurchaseLines VALUES(577,294,12,NULL,'1.0','17219.0','12270.76');
INSERT INTO PurchaseLines VALUES(578,294,5,NULL,'1.0','6969.0','3825.91');
INSERT INTO PurchaseLines VALUES(579,294,20,NULL,'1.0','4738.0','2421.06');
INSERT INTO PurchaseLines VALUES(580,295,11,NULL,'3.0','5770.0','3542.93');
INSERT INTO PurchaseLines VALUES(581,295,5,NULL,'3.0','6969.0','3825.91');
INSERT INTO PurchaseLines VALUES(582,296,4,NULL,'1.0','16893.0','12470.61');
INSERT INTO PurchaseLines VALUES(583,296,20,NULL,'4.0','4738.0','2421.06');
INSERT INTO PurchaseLines VALUES(584,296,18,NULL,'2.0','9873.0','5152.76');
INSERT INTO PurchaseLines VALUES(585,297,10,NULL,'1.0','19699.0','12255.8');
INSERT INTO PurchaseLines VALUES(586,297,21,NULL,'1.0','19196.0','13084.19');
INSERT INTO PurchaseLines VALUES(587,297,6,NULL,'1.0','8119.0','3787.94');
INSERT INTO PurchaseLines VALUES(588,298,7,NULL,'2.0','45.47','23.08');
INSERT INTO PurchaseLines VALUES(589,298,25,NULL,'2.0','51.43','33.56');
INSERT INTO PurchaseLines VALUES(590,298,21,NULL,'1.0','213.29','145.38');
INSERT INTO PurchaseLines VALUES(591,299,21,NULL,'1.0','213.29','145.38');
INSERT INTO PurchaseLines VALUES(592,300,17,NULL,'5.0','14611.0','7733.55');
CREATE TABLE IF NOT EXISTS "ChannelSpend" (
    "ChannelId" INTEGER NOT NULL,
    "Month" INTEGER NOT NULL,
    "Amount" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "PK_ChannelSpend" PRIMARY KEY ("ChannelId", "Month"),
    CONSTRAINT "FK_ChannelSpend_AcquisitionChannels_ChannelId" FOREIGN KEY ("ChannelId") REFERENCES "AcquisitionChannels" ("Id") ON DELETE CASCADE
);
INSERT INTO ChannelSpend VALUES(3,24287,'174100.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24288,'181700.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24289,'168400.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24290,'148800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24291,'119900.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24292,'183700.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24293,'177100.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24294,'133400.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24295,'178100.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24296,'177800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24297,'189000.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24298,'131300.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24299,'107100.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24300,'188200.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24301,'110400.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24302,'111500.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24303,'148700.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24304,'194800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24305,'108800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24306,'108400.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24307,'105100.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24308,'186800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24309,'157800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24310,'115900.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24311,'177600.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24312,'168800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24313,'191100.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24314,'131100.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24315,'131900.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24316,'190200.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24317,'192900.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24318,'158300.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24319,'165200.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24320,'182800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24321,'190600.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24322,'148600.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(3,24323,'138000.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24287,'18200.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24288,'19400.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24289,'14300.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24290,'19000.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24291,'17200.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24292,'17400.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24293,'11200.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24294,'16900.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24295,'12900.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24296,'16300.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24297,'10700.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24298,'19000.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24299,'11300.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24300,'10800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24301,'19100.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24302,'18200.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24303,'12900.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24304,'15700.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24305,'16600.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24306,'14600.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24307,'18800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24308,'15100.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24309,'10700.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24310,'18300.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24311,'18000.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24312,'13600.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24313,'16100.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24314,'11900.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24315,'19300.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24316,'15700.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24317,'16800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24318,'14500.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24319,'18500.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24320,'15800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24321,'12200.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24322,'10600.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(6,24323,'14900.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24287,'55600.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24288,'43300.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24289,'64600.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24290,'50900.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24291,'42800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24292,'65700.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24293,'75200.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24294,'43300.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24295,'60100.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24296,'65000.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24297,'74700.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24298,'45300.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24299,'49900.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24300,'70200.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24301,'54800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24302,'65400.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24303,'61400.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24304,'54300.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24305,'76900.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24306,'62100.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24307,'46000.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24308,'56500.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24309,'47300.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24310,'75200.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24311,'68500.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24312,'67000.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24313,'75700.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24314,'62700.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24315,'43800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24316,'60200.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24317,'72400.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24318,'75900.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24319,'55500.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24320,'64500.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24321,'49400.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24322,'65200.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(7,24323,'71800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24287,'59600.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24288,'54900.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24289,'76000.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24290,'70700.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24291,'72200.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24292,'77500.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24293,'51000.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24294,'73700.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24295,'54900.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24296,'75100.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24297,'45300.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24298,'50700.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24299,'43700.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24300,'72400.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24301,'43600.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24302,'75300.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24303,'61100.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24304,'77100.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24305,'74000.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24306,'67400.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24307,'60400.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24308,'53800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24309,'68000.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24310,'54500.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24311,'77500.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24312,'77900.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24313,'70600.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24314,'76800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24315,'67800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24316,'63400.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24317,'62800.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24318,'67600.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24319,'71600.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24320,'73300.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24321,'72600.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24322,'64000.0','2026-12-06 19:55:10.4030908');
INSERT INTO ChannelSpend VALUES(8,24323,'64200.0','2026-12-06 19:55:10.4030908');
CREATE TABLE IF NOT EXISTS "ClientFigures" (
    "ClientId" INTEGER NOT NULL CONSTRAINT "PK_ClientFigures" PRIMARY KEY,
    "Categories" INTEGER NOT NULL,
    "Revenue" INTEGER NOT NULL,
    "CostOfGoods" INTEGER NOT NULL,
    "Discounts" INTEGER NOT NULL,
    "Bonuses" INTEGER NOT NULL,
    "Kickbacks" INTEGER NOT NULL,
    "ServiceCost" INTEGER NOT NULL,
    "Purchases" INTEGER NOT NULL,
    "FirstPurchase" INTEGER NULL,
    "LastPurchase" INTEGER NULL,
    CONSTRAINT "FK_ClientFigures_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE
);
INSERT INTO ClientFigures VALUES(1,6,15905101,10169340,247199,242649,0,255000,5,739877,739926);
INSERT INTO ClientFigures VALUES(2,3,7615199,4632604,83601,0,0,116300,2,739769,739932);
INSERT INTO ClientFigures VALUES(3,6,93819688,59801775,3595912,312978,0,0,16,738932,739833);
INSERT INTO ClientFigures VALUES(4,6,122539034,83219387,3150837,0,0,471800,20,738898,739913);
INSERT INTO ClientFigures VALUES(5,2,2131156,1232144,309857,0,0,211400,1,739826,739826);
INSERT INTO ClientFigures VALUES(6,6,85777587,54134811,1515413,0,1021280,0,22,738868,739927);
INSERT INTO ClientFigures VALUES(8,4,14444476,9793409,450924,0,168930,451200,6,739291,739776);
INSERT INTO ClientFigures VALUES(9,3,3823410,2365599,113390,0,0,387200,2,739172,739257);
INSERT INTO ClientFigures VALUES(10,3,6400862,4082966,184538,0,0,0,2,739000,739228);
INSERT INTO ClientFigures VALUES(11,5,19250566,11740345,15034,0,290045,0,4,738861,739660);
INSERT INTO ClientFigures VALUES(12,5,18365659,11380050,305441,0,0,150000,7,738941,739847);
INSERT INTO ClientFigures VALUES(13,3,5232311,3121999,0,0,0,0,2,739298,739616);
INSERT INTO ClientFigures VALUES(14,2,872100,509816,0,0,0,0,1,739814,739814);
INSERT INTO ClientFigures VALUES(15,6,16044296,10346561,82304,0,0,530000,5,739377,739908);
INSERT INTO ClientFigures VALUES(16,6,13297626,9241778,972774,0,0,0,4,739482,739898);
INSERT INTO ClientFigures VALUES(17,6,30464058,19490836,0,0,0,0,8,739301,739483);
INSERT INTO ClientFigures VALUES(18,5,52504400,33294447,0,177714,0,0,3,738973,739494);
INSERT INTO ClientFigures VALUES(19,1,2132773,1136382,302927,0,0,330500,1,739055,739055);
INSERT INTO ClientFigures VALUES(20,4,12282917,8411065,1090783,99381,0,0,5,739258,739813);
INSERT INTO ClientFigures VALUES(21,2,2367200,1526242,0,0,0,0,1,738887,738887);
INSERT INTO ClientFigures VALUES(22,6,175270521,111256676,4882589,416109,0,0,57,739087,739951);
INSERT INTO ClientFigures VALUES(23,2,11251000,7452242,0,0,0,150200,1,739156,739156);
INSERT INTO ClientFigures VALUES(25,5,9793136,5899829,571464,41511,0,204200,6,739303,739799);
INSERT INTO ClientFigures VALUES(28,6,20433200,11952051,0,0,0,305900,4,739607,739829);
INSERT INTO ClientFigures VALUES(29,6,33151128,20383443,421172,85011,0,0,13,739374,739908);
INSERT INTO ClientFigures VALUES(30,6,118162900,72920937,0,0,213040,332500,19,739346,739953);
INSERT INTO ClientFigures VALUES(31,6,86353248,55632204,747352,853941,0,0,10,738959,739900);
INSERT INTO ClientFigures VALUES(32,6,187900399,122726799,7068329,788418,0,0,34,739297,739917);
INSERT INTO ClientFigures VALUES(33,1,902767,604134,23033,27774,0,331500,1,739891,739891);
INSERT INTO ClientFigures VALUES(34,2,2541800,1441121,0,0,0,0,1,739925,739925);
INSERT INTO ClientFigures VALUES(35,5,35543400,22291815,0,0,0,0,4,739502,739920);
INSERT INTO ClientFigures VALUES(36,2,2885540,2106519,0,0,0,0,1,739354,739354);
INSERT INTO ClientFigures VALUES(37,6,28850866,17156962,372934,0,0,0,6,739620,739816);
INSERT INTO ClientFigures VALUES(38,6,37546855,23160369,1004545,115275,0,0,15,739307,739905);
INSERT INTO ClientFigures VALUES(39,6,39395326,22760759,189674,0,0,429100,10,739090,739927);
INSERT INTO ClientFigures VALUES(40,3,4575800,2639237,0,0,0,0,1,739651,739651);
CREATE TABLE IF NOT EXISTS "ClientGroups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ClientGroups" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Preset" INTEGER NOT NULL,
    "Strategy" TEXT NULL,
    "Rule" TEXT NULL,
    "Version" INTEGER NOT NULL
);
INSERT INTO ClientGroups VALUES(1,'Productive',1,'Keep and develop: widen the range, priority service.',NULL,1);
INSERT INTO ClientGroups VALUES(2,'Image',2,'Keep for the name they lend; hold costs in check.',NULL,1);
INSERT INTO ClientGroups VALUES(3,'Prospective',3,'Invest attention; review in six months.',NULL,1);
CREATE TABLE IF NOT EXISTS "ClientMonthFigures" (
    "ClientId" INTEGER NOT NULL,
    "Month" INTEGER NOT NULL,
    "Revenue" INTEGER NOT NULL,
    "CostOfGoods" INTEGER NOT NULL,
    "Discounts" INTEGER NOT NULL,
    "Bonuses" INTEGER NOT NULL,
    "Kickbacks" INTEGER NOT NULL,
    "ServiceCost" INTEGER NOT NULL,
    "Purchases" INTEGER NOT NULL,
    "FirstPurchase" INTEGER NULL,
    "LastPurchase" INTEGER NULL,
    CONSTRAINT "PK_ClientMonthFigures" PRIMARY KEY ("ClientId", "Month"),
    CONSTRAINT "FK_ClientMonthFigures_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE
);
INSERT INTO ClientMonthFigures VALUES(1,24318,0,0,0,0,0,255000,0,NULL,NULL);
INSERT INTO ClientMonthFigures VALUES(1,24320,4763736,3028355,209864,0,0,0,2,739877,739880);
INSERT INTO ClientMonthFigures VALUES(1,24321,8050965,5398287,37335,242649,0,0,2,739902,739905);
INSERT INTO ClientMonthFigures VALUES(1,24322,3090400,1742698,0,0,0,0,1,739926,739926);
INSERT INTO ClientMonthFigures VALUES(2,24308,0,0,0,0,0,116300,0,NULL,NULL);
INSERT INTO ClientMonthFigures VALUES(2,24317,2913799,1719811,83601,0,0,0,1,739769,739769);
INSERT INTO ClientMonthFigures VALUES(2,24322,4701400,2912793,0,0,0,0,1,739932,739932);
INSERT INTO ClientMonthFigures VALUES(3,24289,8487052,6740260,850948,0,0,0,1,738932,738932);
INSERT INTO ClientMonthFigures VALUES(3,24292,7071410,4762594,125990,0,0,0,1,739017,739017);
INSERT INTO ClientMonthFigures VALUES(3,24295,6340500,4039950,0,0,0,0,1,739127,739127);
INSERT INTO ClientMonthFigures VALUES(3,24296,4929846,2988071,400554,97968,0,0,2,739144,739150);
INSERT INTO ClientMonthFigures VALUES(3,24297,5503032,3533158,740768,0,0,0,1,739161,739161);
INSERT INTO ClientMonthFigures VALUES(3,24299,5211800,2663166,0,0,0,0,1,739223,739223);
INSERT INTO ClientMonthFigures VALUES(3,24305,4199700,2717032,0,0,0,0,1,739419,739419);
INSERT INTO ClientMonthFigures VALUES(3,24306,5045893,3091656,877907,0,0,0,1,739460,739460);
INSERT INTO ClientMonthFigures VALUES(3,24307,7630400,4507939,0,0,0,0,1,739465,739465);
INSERT INTO ClientMonthFigures VALUES(3,24308,7087780,4261080,79220,215010,0,0,1,739518,739518);
INSERT INTO ClientMonthFigures VALUES(3,24310,6863100,4407077,0,0,0,0,1,739565,739565);
INSERT INTO ClientMonthFigures VALUES(3,24311,1944900,1036310,0,0,0,0,1,739607,739607);
INSERT INTO ClientMonthFigures VALUES(3,24315,15654375,11222664,520525,0,0,0,2,739727,739734);
INSERT INTO ClientMonthFigures VALUES(3,24319,7849900,3830818,0,0,0,0,1,739833,739833);
INSERT INTO ClientMonthFigures VALUES(4,24288,15367656,11141466,0,0,0,0,1,738898,738898);
INSERT INTO ClientMonthFigures VALUES(4,24289,7295767,4417086,0,0,0,0,1,738922,738922);
INSERT INTO ClientMonthFigures VALUES(4,24296,8146723,6296756,598201,0,0,0,2,739148,739154);
INSERT INTO ClientMonthFigures VALUES(4,24300,2821281,1678461,0,0,0,0,1,739280,739280);
INSERT INTO ClientMonthFigures VALUES(4,24303,4511530,2892217,0,0,0,0,1,739362,739362);
INSERT INTO ClientMonthFigures VALUES(4,24304,3849531,2771843,0,0,0,0,1,739393,739393);
INSERT INTO ClientMonthFigures VALUES(4,24305,8817185,6009857,0,0,0,0,1,739417,739417);
INSERT INTO ClientMonthFigures VALUES(4,24306,8361770,6052000,72322,0,0,0,1,739451,739451);
INSERT INTO ClientMonthFigures VALUES(4,24307,9318418,4932436,0,0,0,0,1,739474,739474);
INSERT INTO ClientMonthFigures VALUES(4,24311,16584533,11037462,608282,0,0,0,2,739604,739612);
INSERT INTO ClientMonthFigures VALUES(4,24312,3327164,2485488,68464,0,0,0,1,739631,739631);
INSERT INTO ClientMonthFigures VALUES(4,24314,6155593,3622801,884012,0,0,0,1,739691,739691);
INSERT INTO ClientMonthFigures VALUES(4,24315,3617821,2475323,127875,0,0,0,2,739717,739722);
INSERT INTO ClientMonthFigures VALUES(4,24318,3675711,2266830,0,0,0,0,1,739797,739797);
INSERT INTO ClientMonthFigures VALUES(4,24320,0,0,0,0,0,471800,0,NULL,NULL);
INSERT INTO ClientMonthFigures VALUES(4,24321,20688351,15139361,791681,0,0,0,3,739890,739913);
INSERT INTO ClientMonthFigures VALUES(5,24302,0,0,0,0,0,211400,0,NULL,NULL);
INSERT INTO ClientMonthFigures VALUES(5,24318,2131156,1232144,309857,0,0,0,1,739826,739826);
INSERT INTO ClientMonthFigures VALUES(6,24287,3832709,2394580,271091,0,205190,0,1,738868,738868);
INSERT INTO ClientMonthFigures VALUES(6,24288,8159057,5553018,452143,0,0,0,2,738889,738898);
INSERT INTO ClientMonthFigures VALUES(6,24290,3057400,1673460,0,0,0,0,1,738975,738975);
INSERT INTO ClientMonthFigures VALUES(6,24295,5313541,3558871,18159,0,0,0,1,739116,739116);
INSERT INTO ClientMonthFigures VALUES(6,24297,12828600,7603980,0,0,341560,0,3,739161,739169);
INSERT INTO ClientMonthFigures VALUES(6,24298,9652300,5641100,0,0,243370,0,2,739193,739193);
INSERT INTO ClientMonthFigures VALUES(6,24300,2779028,1969080,340672,0,155985,0,1,739264,739264);
INSERT INTO ClientMonthFigures VALUES(6,24304,1480407,801921,62393,0,0,0,1,739377,739377);
INSERT INTO ClientMonthFigures VALUES(6,24307,10125543,7074524,33257,0,0,0,2,739477,739490);
INSERT INTO ClientMonthFigures VALUES(6,24309,1503500,801891,0,0,75175,0,1,739543,739543);
INSERT INTO ClientMonthFigures VALUES(6,24310,5376000,3434520,0,0,0,0,1,739561,739561);
INSERT INTO ClientMonthFigures VALUES(6,24312,1867600,1348052,0,0,0,0,1,739632,739632);
INSERT INTO ClientMonthFigures VALUES(6,24313,4199411,2771236,173889,0,0,0,1,739660,739660);
INSERT INTO ClientMonthFigures VALUES(6,24317,3685091,2369577,163809,0,0,0,1,739774,739774);
INSERT INTO ClientMonthFigures VALUES(6,24318,8095700,4928349,0,0,0,0,2,739803,739809);
INSERT INTO ClientMonthFigures VALUES(6,24322,3821700,2210652,0,0,0,0,1,739927,739927);
INSERT INTO ClientMonthFigures VALUES(8,24301,3349500,2389024,0,0,0,0,1,739291,739291);
INSERT INTO ClientMonthFigures VALUES(8,24304,1548110,859845,490,0,0,0,1,739372,739372);
INSERT INTO ClientMonthFigures VALUES(8,24310,3378600,2494122,0,0,168930,0,1,739573,739573);
INSERT INTO ClientMonthFigures VALUES(8,24311,1750500,966749,0,0,0,0,1,739610,739610);
INSERT INTO ClientMonthFigures VALUES(8,24312,1075200,686904,0,0,0,0,1,739637,739637);
INSERT INTO ClientMonthFigures VALUES(8,24317,3342566,2396765,450434,0,0,451200,1,739776,739776);
INSERT INTO ClientMonthFigures VALUES(9,24297,1114210,623247,113390,0,0,0,1,739172,739172);
INSERT INTO ClientMonthFigures VALUES(9,24300,2709200,1742352,0,0,0,0,1,739257,739257);
INSERT INTO ClientMonthFigures VALUES(9,24319,0,0,0,0,0,387200,0,NULL,NULL);
INSERT INTO ClientMonthFigures VALUES(10,24291,3628062,2374849,184538,0,0,0,1,739000,739000);
INSERT INTO ClientMonthFigures VALUES(10,24299,2772800,1708117,0,0,0,0,1,739228,739228);
INSERT INTO ClientMonthFigures VALUES(11,24287,7350800,4804600,0,0,0,0,1,738861,738861);
INSERT INTO ClientMonthFigures VALUES(11,24290,6113900,3532814,0,0,0,0,1,738964,738964);
INSERT INTO ClientMonthFigures VALUES(11,24302,3754900,2364186,0,0,187745,0,1,739332,739332);
INSERT INTO ClientMonthFigures VALUES(11,24313,2030966,1038745,15034,0,102300,0,1,739660,739660);
INSERT INTO ClientMonthFigures VALUES(12,24289,3503100,1806438,0,0,0,0,1,738941,738941);
INSERT INTO ClientMonthFigures VALUES(12,24297,1545700,978541,0,0,0,0,1,739183,739183);
INSERT INTO ClientMonthFigures VALUES(12,24304,1421400,726318,0,0,0,0,1,739377,739377);
INSERT INTO ClientMonthFigures VALUES(12,24307,4101400,2745868,0,0,0,0,1,739466,739466);
INSERT INTO ClientMonthFigures VALUES(12,24309,3860659,2718603,305441,0,0,0,1,739540,739540);
INSERT INTO ClientMonthFigures VALUES(12,24314,0,0,0,0,0,150000,0,NULL,NULL);
INSERT INTO ClientMonthFigures VALUES(12,24315,1393800,765182,0,0,0,0,1,739710,739710);
INSERT INTO ClientMonthFigures VALUES(12,24319,2539600,1639100,0,0,0,0,1,739847,739847);
INSERT INTO ClientMonthFigures VALUES(13,24301,2694020,1494788,0,0,0,0,1,739298,739298);
INSERT INTO ClientMonthFigures VALUES(13,24312,2538291,1627211,0,0,0,0,1,739616,739616);
INSERT INTO ClientMonthFigures VALUES(14,24318,872100,509816,0,0,0,0,1,739814,739814);
INSERT INTO ClientMonthFigures VALUES(15,24304,4217900,2989848,0,0,0,0,1,739377,739377);
INSERT INTO ClientMonthFigures VALUES(15,24308,4334532,2871754,38768,0,0,0,1,739496,739496);
INSERT INTO ClientMonthFigures VALUES(15,24310,4542364,2634636,43536,0,0,0,2,739557,739557);
INSERT INTO ClientMonthFigures VALUES(15,24312,0,0,0,0,0,530000,0,NULL,NULL);
INSERT INTO ClientMonthFigures VALUES(15,24321,2949500,1850323,0,0,0,0,1,739908,739908);
INSERT INTO ClientMonthFigures VALUES(16,24307,3020500,1827300,0,0,0,0,1,739482,739482);
INSERT INTO ClientMonthFigures VALUES(16,24316,2258856,1478437,336744,0,0,0,1,739766,739766);
INSERT INTO ClientMonthFigures VALUES(16,24318,4343058,3182723,222142,0,0,0,1,739825,739825);
INSERT INTO ClientMonthFigures VALUES(16,24321,3675212,2753318,413888,0,0,0,1,739898,739898);
INSERT INTO ClientMonthFigures VALUES(17,24301,6936636,4737361,0,0,0,0,2,739301,739305);
INSERT INTO ClientMonthFigures VALUES(17,24302,9052080,6017050,0,0,0,0,2,739329,739332);
INSERT INTO ClientMonthFigures VALUES(17,24303,1586270,1170983,0,0,0,0,1,739361,739361);
INSERT INTO ClientMonthFigures VALUES(17,24304,7196942,4353821,0,0,0,0,1,739396,739396);
INSERT INTO ClientMonthFigures VALUES(17,24305,2808486,1478860,0,0,0,0,1,739430,739430);
INSERT INTO ClientMonthFigures VALUES(17,24307,2883644,1732761,0,0,0,0,1,739483,739483);
INSERT INTO ClientMonthFigures VALUES(18,24290,20603600,11803421,0,0,0,0,1,738973,738973);
INSERT INTO ClientMonthFigures VALUES(18,24303,5923800,3091656,0,177714,0,0,1,739363,739363);
INSERT INTO ClientMonthFigures VALUES(18,24308,25977000,18399370,0,0,0,0,1,739494,739494);
INSERT INTO ClientMonthFigures VALUES(19,24293,2132773,1136382,302927,0,0,0,1,739055,739055);
INSERT INTO ClientMonthFigures VALUES(19,24305,0,0,0,0,0,330500,0,NULL,NULL);
INSERT INTO ClientMonthFigures VALUES(20,24300,2506257,1800306,248043,0,0,0,1,739258,739258);
INSERT INTO ClientMonthFigures VALUES(20,24301,1770900,1115822,0,0,0,0,1,739309,739309);
INSERT INTO ClientMonthFigures VALUES(20,24303,3098046,2482762,463154,0,0,0,1,739362,739362);
INSERT INTO ClientMonthFigures VALUES(20,24306,1756270,1030552,218330,0,0,0,1,739436,739436);
INSERT INTO ClientMonthFigures VALUES(20,24318,3151444,1981623,161256,99381,0,0,1,739813,739813);
INSERT INTO ClientMonthFigures VALUES(21,24288,2367200,1526242,0,0,0,0,1,738887,738887);
INSERT INTO ClientMonthFigures VALUES(22,24294,3362649,2260535,0,0,0,0,1,739087,739087);
INSERT INTO ClientMonthFigures VALUES(22,24295,7265696,5265523,788072,0,0,0,2,739099,739125);
INSERT INTO ClientMonthFigures VALUES(22,24296,14139922,8806451,425282,0,0,0,4,739129,739156);
INSERT INTO ClientMonthFigures VALUES(22,24297,10112304,6935041,635546,0,0,0,3,739178,739189);
INSERT INTO ClientMonthFigures VALUES(22,24299,12232296,7207448,0,57824,0,0,3,739227,739244);
INSERT INTO ClientMonthFigures VALUES(22,24301,11388470,7971737,817686,0,0,0,4,739285,739306);
INSERT INTO ClientMonthFigures VALUES(22,24302,2749566,1688510,0,0,0,0,1,739322,739322);
INSERT INTO ClientMonthFigures VALUES(22,24303,5526929,3635151,3803,0,0,0,2,739351,739358);
INSERT INTO ClientMonthFigures VALUES(22,24304,10032052,6004241,0,0,0,0,4,739373,739397);
INSERT INTO ClientMonthFigures VALUES(22,24305,3104472,1898781,0,0,0,0,1,739411,739411);
INSERT INTO ClientMonthFigures VALUES(22,24306,9462455,6010663,0,84074,0,0,3,739437,739460);
INSERT INTO ClientMonthFigures VALUES(22,24307,5256503,3079790,136531,0,0,0,2,739473,739492);
INSERT INTO ClientMonthFigures VALUES(22,24309,1738946,888633,0,0,0,0,1,739527,739527);
INSERT INTO ClientMonthFigures VALUES(22,24310,4144512,2265544,13333,45749,0,0,2,739560,739581);
INSERT INTO ClientMonthFigures VALUES(22,24311,2113214,1470942,151058,0,0,0,1,739586,739586);
INSERT INTO ClientMonthFigures VALUES(22,24312,5251763,3338118,265211,0,0,0,2,739627,739640);
INSERT INTO ClientMonthFigures VALUES(22,24314,13331704,9218650,377648,85427,0,0,4,739686,739699);
INSERT INTO ClientMonthFigures VALUES(22,24315,3982162,2343483,0,49925,0,0,2,739711,739723);
INSERT INTO ClientMonthFigures VALUES(22,24316,14423935,8717233,488963,0,0,0,4,739738,739761);
INSERT INTO ClientMonthFigures VALUES(22,24317,8090492,4906015,285167,0,0,0,2,739769,739787);
INSERT INTO ClientMonthFigures VALUES(22,24318,1790549,1449659,296422,0,0,0,1,739817,739817);
INSERT INTO ClientMonthFigures VALUES(22,24319,8289920,4957700,197867,0,0,0,2,739842,739845);
INSERT INTO ClientMonthFigures VALUES(22,24321,11404415,6979867,0,93110,0,0,4,739904,739917);
INSERT INTO ClientMonthFigures VALUES(22,24322,3985517,2532349,0,0,0,0,1,739946,739946);
INSERT INTO ClientMonthFigures VALUES(22,24323,2090078,1424612,0,0,0,0,1,739951,739951);
INSERT INTO ClientMonthFigures VALUES(23,24296,11251000,7452242,0,0,0,0,1,739156,739156);
INSERT INTO ClientMonthFigures VALUES(23,24305,0,0,0,0,0,150200,0,NULL,NULL);
INSERT INTO ClientMonthFigures VALUES(25,24301,1421400,726318,0,0,0,0,1,739303,739303);
INSERT INTO ClientMonthFigures VALUES(25,24303,1942079,1146460,122721,0,0,0,1,739359,739359);
INSERT INTO ClientMonthFigures VALUES(25,24309,2495900,1617782,0,0,0,0,1,739550,739550);
INSERT INTO ClientMonthFigures VALUES(25,24314,1198474,655377,176526,0,0,204200,1,739688,739688);
INSERT INTO ClientMonthFigures VALUES(25,24317,1401675,757588,222125,0,0,0,1,739795,739795);
INSERT INTO ClientMonthFigures VALUES(25,24318,1333608,996304,50092,41511,0,0,1,739799,739799);
INSERT INTO ClientMonthFigures VALUES(28,24311,6956400,3531733,0,0,0,0,1,739607,739607);
INSERT INTO ClientMonthFigures VALUES(28,24318,7791100,4864838,0,0,0,0,2,739797,739800);
INSERT INTO ClientMonthFigures VALUES(28,24319,5685700,3555480,0,0,0,0,1,739829,739829);
INSERT INTO ClientMonthFigures VALUES(28,24322,0,0,0,0,0,305900,0,NULL,NULL);
INSERT INTO ClientMonthFigures VALUES(29,24304,2214900,1138523,0,0,0,0,1,739374,739374);
INSERT INTO ClientMonthFigures VALUES(29,24305,4056500,2773303,0,0,0,0,1,739403,739403);
INSERT INTO ClientMonthFigures VALUES(29,24306,4684900,2986162,0,0,0,0,2,739441,739455);
INSERT INTO ClientMonthFigures VALUES(29,24308,3620900,2142317,0,0,0,0,1,739494,739494);
INSERT INTO ClientMonthFigures VALUES(29,24309,1233994,709366,33206,0,0,0,1,739532,739532);
INSERT INTO ClientMonthFigures VALUES(29,24310,2860700,1603622,0,0,0,0,1,739555,739555);
INSERT INTO ClientMonthFigures VALUES(29,24312,2535300,1535064,0,0,0,0,1,739642,739642);
INSERT INTO ClientMonthFigures VALUES(29,24314,1966627,1281816,219773,0,0,0,1,739694,739694);
INSERT INTO ClientMonthFigures VALUES(29,24318,5063807,2943605,168193,0,0,0,2,739801,739808);
INSERT INTO ClientMonthFigures VALUES(29,24319,2079800,1312720,0,0,0,0,1,739853,739853);
INSERT INTO ClientMonthFigures VALUES(29,24321,2833700,1956945,0,85011,0,0,1,739908,739908);
INSERT INTO ClientMonthFigures VALUES(30,24303,10545900,6713238,0,0,0,332500,2,739346,739348);
INSERT INTO ClientMonthFigures VALUES(30,24306,20748900,12105780,0,0,0,0,4,739447,739459);
INSERT INTO ClientMonthFigures VALUES(30,24307,2574000,1867627,0,0,0,0,1,739484,739484);
INSERT INTO ClientMonthFigures VALUES(30,24313,10986900,7753651,0,0,0,0,2,739657,739669);
INSERT INTO ClientMonthFigures VALUES(30,24316,6437700,4318401,0,0,0,0,1,739740,739740);
INSERT INTO ClientMonthFigures VALUES(30,24318,18459100,11075219,0,0,0,0,2,739797,739811);
INSERT INTO ClientMonthFigures VALUES(30,24319,12576200,7219382,0,0,0,0,2,739829,739840);
INSERT INTO ClientMonthFigures VALUES(30,24321,19819200,12734411,0,0,213040,0,2,739890,739895);
INSERT INTO ClientMonthFigures VALUES(30,24322,8709500,5266453,0,0,0,0,2,739923,739928);
INSERT INTO ClientMonthFigures VALUES(30,24323,7305500,3866775,0,0,0,0,1,739953,739953);
INSERT INTO ClientMonthFigures VALUES(31,24290,10751300,6965942,0,0,0,0,1,738959,738959);
INSERT INTO ClientMonthFigures VALUES(31,24292,5446304,3093420,398096,0,0,0,1,739019,739019);
INSERT INTO ClientMonthFigures VALUES(31,24293,4742400,2378441,0,0,0,0,1,739063,739063);
INSERT INTO ClientMonthFigures VALUES(31,24297,2955017,1719690,142183,0,0,0,1,739170,739170);
INSERT INTO ClientMonthFigures VALUES(31,24300,8302200,5977824,0,0,0,0,1,739259,739259);
INSERT INTO ClientMonthFigures VALUES(31,24302,11212200,7042482,0,0,0,0,1,739338,739338);
INSERT INTO ClientMonthFigures VALUES(31,24311,6806600,4155592,0,0,0,0,1,739586,739586);
INSERT INTO ClientMonthFigures VALUES(31,24317,17111969,11974578,129631,517248,0,0,1,739795,739795);
INSERT INTO ClientMonthFigures VALUES(31,24318,7879600,4902320,0,0,0,0,1,739814,739814);
INSERT INTO ClientMonthFigures VALUES(31,24321,11145658,7421915,77442,336693,0,0,1,739900,739900);
INSERT INTO ClientMonthFigures VALUES(32,24301,13999466,10427759,877163,0,0,0,2,739297,739303);
INSERT INTO ClientMonthFigures VALUES(32,24302,6849768,5169235,342420,68107,0,0,2,739320,739332);
INSERT INTO ClientMonthFigures VALUES(32,24303,9922255,6104392,0,206207,0,0,2,739345,739361);
INSERT INTO ClientMonthFigures VALUES(32,24304,10834809,6817514,547358,139552,0,0,2,739371,739387);
INSERT INTO ClientMonthFigures VALUES(32,24305,18289841,11341506,777751,0,0,0,5,739402,739428);
INSERT INTO ClientMonthFigures VALUES(32,24306,14723520,10283881,1519082,172010,0,0,3,739438,739450);
INSERT INTO ClientMonthFigures VALUES(32,24307,6750642,4326941,0,202542,0,0,1,739478,739478);
INSERT INTO ClientMonthFigures VALUES(32,24309,17135749,9393412,0,0,0,0,2,739527,739536);
INSERT INTO ClientMonthFigures VALUES(32,24310,10128826,6679469,65249,0,0,0,2,739555,739562);
INSERT INTO ClientMonthFigures VALUES(32,24311,19287052,12042325,483117,0,0,0,3,739589,739601);
INSERT INTO ClientMonthFigures VALUES(32,24312,7220522,4808889,0,0,0,0,1,739630,739630);
INSERT INTO ClientMonthFigures VALUES(32,24313,8657658,6364190,803114,0,0,0,2,739662,739673);
INSERT INTO ClientMonthFigures VALUES(32,24314,7693097,4538239,0,0,0,0,1,739691,739691);
INSERT INTO ClientMonthFigures VALUES(32,24315,10726939,7851769,0,0,0,0,1,739715,739715);
INSERT INTO ClientMonthFigures VALUES(32,24319,4847509,3071494,0,0,0,0,1,739858,739858);
INSERT INTO ClientMonthFigures VALUES(32,24321,20832746,13505784,1653075,0,0,0,4,739899,739917);
INSERT INTO ClientMonthFigures VALUES(33,24316,0,0,0,0,0,331500,0,NULL,NULL);
INSERT INTO ClientMonthFigures VALUES(33,24321,902767,604134,23033,27774,0,0,1,739891,739891);
INSERT INTO ClientMonthFigures VALUES(34,24322,2541800,1441121,0,0,0,0,1,739925,739925);
INSERT INTO ClientMonthFigures VALUES(35,24308,11968600,8494528,0,0,0,0,1,739502,739502);
INSERT INTO ClientMonthFigures VALUES(35,24310,3283200,1646613,0,0,0,0,1,739560,739560);
INSERT INTO ClientMonthFigures VALUES(35,24318,9853100,6808029,0,0,0,0,1,739797,739797);
INSERT INTO ClientMonthFigures VALUES(35,24322,10438500,5342645,0,0,0,0,1,739920,739920);
INSERT INTO ClientMonthFigures VALUES(36,24303,2885540,2106519,0,0,0,0,1,739354,739354);
INSERT INTO ClientMonthFigures VALUES(37,24312,5815702,3750264,204198,0,0,0,1,739620,739620);
INSERT INTO ClientMonthFigures VALUES(37,24313,3944500,2256132,0,0,0,0,1,739667,739667);
INSERT INTO ClientMonthFigures VALUES(37,24314,3211664,2046752,168736,0,0,0,1,739695,739695);
INSERT INTO ClientMonthFigures VALUES(37,24315,6006000,3951054,0,0,0,0,2,739725,739728);
INSERT INTO ClientMonthFigures VALUES(37,24318,9873000,5152760,0,0,0,0,1,739816,739816);
INSERT INTO ClientMonthFigures VALUES(38,24301,925800,604134,0,0,0,0,1,739307,739307);
INSERT INTO ClientMonthFigures VALUES(38,24305,3462000,2125758,0,0,0,0,1,739407,739407);
INSERT INTO ClientMonthFigures VALUES(38,24306,1805811,1225580,164089,0,0,0,1,739440,739440);
INSERT INTO ClientMonthFigures VALUES(38,24309,5133427,3065509,483773,0,0,0,2,739528,739536);
INSERT INTO ClientMonthFigures VALUES(38,24311,2568600,1682955,0,77058,0,0,1,739596,739596);
INSERT INTO ClientMonthFigures VALUES(38,24313,1461100,773355,0,0,0,0,1,739666,739666);
INSERT INTO ClientMonthFigures VALUES(38,24314,1777700,826422,0,0,0,0,1,739689,739689);
INSERT INTO ClientMonthFigures VALUES(38,24315,9614917,6122293,356683,0,0,0,3,739706,739725);
INSERT INTO ClientMonthFigures VALUES(38,24317,3378600,2494122,0,0,0,0,1,739772,739772);
INSERT INTO ClientMonthFigures VALUES(38,24320,5562200,3127637,0,38217,0,0,2,739861,739888);
INSERT INTO ClientMonthFigures VALUES(38,24321,1856700,1112604,0,0,0,0,1,739905,739905);
INSERT INTO ClientMonthFigures VALUES(39,24294,2915700,1660926,0,0,0,0,1,739090,739090);
INSERT INTO ClientMonthFigures VALUES(39,24295,3835500,2417594,0,0,0,0,1,739107,739107);
INSERT INTO ClientMonthFigures VALUES(39,24298,6300800,4040832,0,0,0,0,1,739210,739210);
INSERT INTO ClientMonthFigures VALUES(39,24300,4713000,2774940,0,0,0,0,1,739267,739267);
INSERT INTO ClientMonthFigures VALUES(39,24305,3622000,2032238,0,0,0,0,1,739416,739416);
INSERT INTO ClientMonthFigures VALUES(39,24312,5761800,2797127,0,0,0,0,1,739635,739635);
INSERT INTO ClientMonthFigures VALUES(39,24315,1729926,1308419,189674,0,0,429100,1,739727,739727);
INSERT INTO ClientMonthFigures VALUES(39,24320,3941200,2007169,0,0,0,0,1,739873,739873);
INSERT INTO ClientMonthFigures VALUES(39,24321,3682800,1869741,0,0,0,0,1,739898,739898);
INSERT INTO ClientMonthFigures VALUES(39,24322,2892600,1851773,0,0,0,0,1,739927,739927);
INSERT INTO ClientMonthFigures VALUES(40,24313,4575800,2639237,0,0,0,0,1,739651,739651);
CREATE TABLE IF NOT EXISTS "ExchangeRates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ExchangeRates" PRIMARY KEY AUTOINCREMENT,
    "Currency" TEXT NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "Rate" TEXT NOT NULL
);
INSERT INTO ExchangeRates VALUES(1,'EUR','2023-12-01','95.14');
INSERT INTO ExchangeRates VALUES(2,'EUR','2024-01-01','96.2554');
INSERT INTO ExchangeRates VALUES(3,'EUR','2024-02-01','97.1215');
INSERT INTO ExchangeRates VALUES(4,'EUR','2024-03-01','97.7036');
INSERT INTO ExchangeRates VALUES(5,'EUR','2024-04-01','97.9787');
INSERT INTO ExchangeRates VALUES(6,'EUR','2024-05-01','97.9356');
INSERT INTO ExchangeRates VALUES(7,'EUR','2024-06-01','97.5762');
INSERT INTO ExchangeRates VALUES(8,'EUR','2024-07-01','96.9147');
INSERT INTO ExchangeRates VALUES(9,'EUR','2024-08-01','95.9776');
INSERT INTO ExchangeRates VALUES(10,'EUR','2024-09-01','94.8021');
INSERT INTO ExchangeRates VALUES(11,'EUR','2024-10-01','93.4352');
INSERT INTO ExchangeRates VALUES(12,'EUR','2024-11-01','91.9314');
INSERT INTO ExchangeRates VALUES(13,'EUR','2024-12-01','90.3506');
INSERT INTO ExchangeRates VALUES(14,'EUR','2025-01-01','88.7558');
INSERT INTO ExchangeRates VALUES(15,'EUR','2025-02-01','87.2105');
INSERT INTO ExchangeRates VALUES(16,'EUR','2025-03-01','85.7765');
INSERT INTO ExchangeRates VALUES(17,'EUR','2025-04-01','84.5109');
INSERT INTO ExchangeRates VALUES(18,'EUR','2025-05-01','83.4641');
INSERT INTO ExchangeRates VALUES(19,'EUR','2025-06-01','82.6779');
INSERT INTO ExchangeRates VALUES(20,'EUR','2025-07-01','82.1836');
INSERT INTO ExchangeRates VALUES(21,'EUR','2025-08-01','82.0009');
INSERT INTO ExchangeRates VALUES(22,'EUR','2025-09-01','82.1371');
INSERT INTO ExchangeRates VALUES(23,'EUR','2025-10-01','82.5867');
INSERT INTO ExchangeRates VALUES(24,'EUR','2025-11-01','83.3319');
INSERT INTO ExchangeRates VALUES(25,'EUR','2025-12-01','84.343');
INSERT INTO ExchangeRates VALUES(26,'EUR','2026-01-01','85.5796');
INSERT INTO ExchangeRates VALUES(27,'EUR','2026-02-01','86.9924');
INSERT INTO ExchangeRates VALUES(28,'EUR','2026-03-01','88.5251');
INSERT INTO ExchangeRates VALUES(29,'EUR','2026-04-01','90.1166');
INSERT INTO ExchangeRates VALUES(30,'EUR','2026-05-01','91.7034');
INSERT INTO ExchangeRates VALUES(31,'EUR','2026-06-01','93.2224');
INSERT INTO ExchangeRates VALUES(32,'EUR','2026-07-01','94.6129');
INSERT INTO ExchangeRates VALUES(33,'EUR','2026-08-01','95.8195');
INSERT INTO ExchangeRates VALUES(34,'EUR','2026-09-01','96.794');
INSERT INTO ExchangeRates VALUES(35,'EUR','2026-10-01','97.4978');
INSERT INTO ExchangeRates VALUES(36,'EUR','2026-11-01','97.9026');
INSERT INTO ExchangeRates VALUES(37,'EUR','2026-12-01','97.9923');
CREATE TABLE IF NOT EXISTS "ClientGroupMembers" (
    "GroupId" INTEGER NOT NULL,
    "ClientId" INTEGER NOT NULL,
    CONSTRAINT "PK_ClientGroupMembers" PRIMARY KEY ("GroupId", "ClientId"),
    CONSTRAINT "FK_ClientGroupMembers_ClientGroups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "ClientGroups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ClientGroupMembers_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "ChurnReasons" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ChurnReasons" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NULL,
    "Name" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL
);
INSERT INTO ChurnReasons VALUES(1,'price','Price',1);
INSERT INTO ChurnReasons VALUES(2,'quality','Quality',1);
INSERT INTO ChurnReasons VALUES(3,'service','Service',1);
INSERT INTO ChurnReasons VALUES(4,'competitor-offer','A competitor''s offer',1);
INSERT INTO ChurnReasons VALUES(5,'moved','Moved',1);
INSERT INTO ChurnReasons VALUES(6,'closed','Closed',1);
INSERT INTO ChurnReasons VALUES(7,'other','Other',1);
CREATE TABLE IF NOT EXISTS "ClientLoyalty" (
    "ClientId" INTEGER NOT NULL CONSTRAINT "PK_ClientLoyalty" PRIMARY KEY,
    "Stage" INTEGER NOT NULL,
    "Since" TEXT NOT NULL,
    "AdvocateMarkedOn" TEXT NULL,
    "ModelLostFrom" TEXT NULL,
    CONSTRAINT "FK_ClientLoyalty_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE
);
INSERT INTO ClientLoyalty VALUES(1,5,'2026-10-14',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(2,3,'2026-11-13',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(3,5,'2025-10-13',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(4,4,'2026-10-02',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(5,6,'2026-10-29',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(6,4,'2026-11-08',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(7,1,'2026-07-29',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(8,4,'2025-11-19',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(9,6,'2025-05-07',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(10,6,'2026-10-25',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(11,5,'2025-10-26',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(12,4,'2025-05-07',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(13,3,'2026-01-01',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(14,6,'2026-10-17',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(15,5,'2026-10-20',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(16,4,'2026-07-29',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(17,6,'2025-11-20',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(18,5,'2025-09-01',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(19,6,'2024-09-18',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(20,4,'2026-07-17',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(21,6,'2024-04-03',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(22,4,'2024-08-28',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(23,6,'2024-12-28',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(24,1,'2026-10-28',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(25,4,'2025-10-27',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(26,1,'2026-05-25',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(27,0,'2024-01-12',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(28,6,'2026-11-01',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(29,5,'2025-11-08',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(30,5,'2026-02-11',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(31,4,'2025-12-02',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(32,4,'2026-08-31',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(33,2,'2026-10-03',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(34,2,'2026-11-06',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(35,4,'2026-07-01',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(36,6,'2025-07-14',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(37,6,'2026-10-19',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(38,5,'2026-01-19',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(39,5,'2025-07-23',NULL,NULL);
INSERT INTO ClientLoyalty VALUES(40,6,'2026-05-07',NULL,NULL);
CREATE TABLE IF NOT EXISTS "ClientLoyaltySteps" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ClientLoyaltySteps" PRIMARY KEY AUTOINCREMENT,
    "ClientId" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Stage" INTEGER NOT NULL,
    "PreviousStage" INTEGER NULL,
    CONSTRAINT "FK_ClientLoyaltySteps_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE
);
INSERT INTO ClientLoyaltySteps VALUES(1,1,'2026-09-19',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(2,1,'2026-09-22',3,2);
INSERT INTO ClientLoyaltySteps VALUES(3,1,'2026-10-14',5,3);
INSERT INTO ClientLoyaltySteps VALUES(4,2,'2026-06-03',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(5,2,'2026-09-02',6,2);
INSERT INTO ClientLoyaltySteps VALUES(6,2,'2026-11-13',3,6);
INSERT INTO ClientLoyaltySteps VALUES(7,3,'2024-02-17',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(8,3,'2024-05-12',3,2);
INSERT INTO ClientLoyaltySteps VALUES(9,3,'2024-08-30',4,3);
INSERT INTO ClientLoyaltySteps VALUES(10,3,'2025-04-02',6,4);
INSERT INTO ClientLoyaltySteps VALUES(11,3,'2025-06-18',4,6);
INSERT INTO ClientLoyaltySteps VALUES(12,3,'2025-10-13',5,4);
INSERT INTO ClientLoyaltySteps VALUES(13,4,'2024-01-14',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(14,4,'2024-02-07',3,2);
INSERT INTO ClientLoyaltySteps VALUES(15,4,'2024-05-08',6,3);
INSERT INTO ClientLoyaltySteps VALUES(16,4,'2024-09-20',4,6);
INSERT INTO ClientLoyaltySteps VALUES(17,4,'2024-12-26',6,4);
INSERT INTO ClientLoyaltySteps VALUES(18,4,'2025-01-30',4,6);
INSERT INTO ClientLoyaltySteps VALUES(19,4,'2025-11-14',6,4);
INSERT INTO ClientLoyaltySteps VALUES(20,4,'2025-12-20',4,6);
INSERT INTO ClientLoyaltySteps VALUES(21,4,'2026-09-30',6,4);
INSERT INTO ClientLoyaltySteps VALUES(22,4,'2026-10-02',4,6);
INSERT INTO ClientLoyaltySteps VALUES(23,5,'2026-07-30',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(24,5,'2026-10-29',6,2);
INSERT INTO ClientLoyaltySteps VALUES(25,6,'2023-12-15',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(26,6,'2024-01-05',3,2);
INSERT INTO ClientLoyaltySteps VALUES(27,6,'2024-01-14',4,3);
INSERT INTO ClientLoyaltySteps VALUES(28,6,'2024-06-30',6,4);
INSERT INTO ClientLoyaltySteps VALUES(29,6,'2024-08-19',4,6);
INSERT INTO ClientLoyaltySteps VALUES(30,6,'2025-04-15',6,4);
INSERT INTO ClientLoyaltySteps VALUES(31,6,'2025-05-07',4,6);
INSERT INTO ClientLoyaltySteps VALUES(32,6,'2026-06-04',6,4);
INSERT INTO ClientLoyaltySteps VALUES(33,6,'2026-06-08',4,6);
INSERT INTO ClientLoyaltySteps VALUES(34,6,'2026-10-12',6,4);
INSERT INTO ClientLoyaltySteps VALUES(35,6,'2026-11-08',4,6);
INSERT INTO ClientLoyaltySteps VALUES(36,7,'2026-07-17',0,NULL);
INSERT INTO ClientLoyaltySteps VALUES(37,7,'2026-07-29',1,0);
INSERT INTO ClientLoyaltySteps VALUES(38,8,'2025-02-10',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(39,8,'2025-05-02',3,2);
INSERT INTO ClientLoyaltySteps VALUES(40,8,'2025-11-19',4,3);
INSERT INTO ClientLoyaltySteps VALUES(41,9,'2024-10-14',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(42,9,'2025-01-07',3,2);
INSERT INTO ClientLoyaltySteps VALUES(43,9,'2025-05-07',6,3);
INSERT INTO ClientLoyaltySteps VALUES(44,10,'2024-04-25',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(45,10,'2024-07-25',6,2);
INSERT INTO ClientLoyaltySteps VALUES(46,10,'2024-12-09',3,6);
INSERT INTO ClientLoyaltySteps VALUES(47,10,'2026-10-25',6,3);
INSERT INTO ClientLoyaltySteps VALUES(48,11,'2023-12-08',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(49,11,'2024-03-08',6,2);
INSERT INTO ClientLoyaltySteps VALUES(50,11,'2024-03-20',3,6);
INSERT INTO ClientLoyaltySteps VALUES(51,11,'2025-01-24',6,3);
INSERT INTO ClientLoyaltySteps VALUES(52,11,'2025-03-23',4,6);
INSERT INTO ClientLoyaltySteps VALUES(53,11,'2025-10-26',5,4);
INSERT INTO ClientLoyaltySteps VALUES(54,12,'2024-02-26',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(55,12,'2024-05-27',6,2);
INSERT INTO ClientLoyaltySteps VALUES(56,12,'2024-10-25',3,6);
INSERT INTO ClientLoyaltySteps VALUES(57,12,'2025-05-07',4,3);
INSERT INTO ClientLoyaltySteps VALUES(58,13,'2025-02-17',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(59,13,'2025-05-19',6,2);
INSERT INTO ClientLoyaltySteps VALUES(60,13,'2026-01-01',3,6);
INSERT INTO ClientLoyaltySteps VALUES(61,14,'2026-07-18',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(62,14,'2026-10-17',6,2);
INSERT INTO ClientLoyaltySteps VALUES(63,15,'2025-05-07',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(64,15,'2025-08-06',6,2);
INSERT INTO ClientLoyaltySteps VALUES(65,15,'2025-09-03',3,6);
INSERT INTO ClientLoyaltySteps VALUES(66,15,'2025-11-03',4,3);
INSERT INTO ClientLoyaltySteps VALUES(67,15,'2025-11-23',5,4);
INSERT INTO ClientLoyaltySteps VALUES(68,15,'2026-08-01',6,5);
INSERT INTO ClientLoyaltySteps VALUES(69,15,'2026-10-20',5,6);
INSERT INTO ClientLoyaltySteps VALUES(70,16,'2025-08-20',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(71,16,'2025-11-19',6,2);
INSERT INTO ClientLoyaltySteps VALUES(72,16,'2026-05-31',3,6);
INSERT INTO ClientLoyaltySteps VALUES(73,16,'2026-07-29',4,3);
INSERT INTO ClientLoyaltySteps VALUES(74,17,'2025-02-20',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(75,17,'2025-02-24',3,2);
INSERT INTO ClientLoyaltySteps VALUES(76,17,'2025-03-20',4,3);
INSERT INTO ClientLoyaltySteps VALUES(77,17,'2025-11-20',6,4);
INSERT INTO ClientLoyaltySteps VALUES(78,18,'2024-03-29',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(79,18,'2024-06-28',6,2);
INSERT INTO ClientLoyaltySteps VALUES(80,18,'2025-04-23',3,6);
INSERT INTO ClientLoyaltySteps VALUES(81,18,'2025-09-01',5,3);
INSERT INTO ClientLoyaltySteps VALUES(82,19,'2024-06-19',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(83,19,'2024-09-18',6,2);
INSERT INTO ClientLoyaltySteps VALUES(84,20,'2025-01-08',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(85,20,'2025-02-28',3,2);
INSERT INTO ClientLoyaltySteps VALUES(86,20,'2025-04-22',4,3);
INSERT INTO ClientLoyaltySteps VALUES(87,20,'2025-12-12',6,4);
INSERT INTO ClientLoyaltySteps VALUES(88,20,'2026-07-17',4,6);
INSERT INTO ClientLoyaltySteps VALUES(89,21,'2024-01-03',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(90,21,'2024-04-03',6,2);
INSERT INTO ClientLoyaltySteps VALUES(91,22,'2024-07-21',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(92,22,'2024-08-02',3,2);
INSERT INTO ClientLoyaltySteps VALUES(93,22,'2024-08-28',4,3);
INSERT INTO ClientLoyaltySteps VALUES(94,23,'2024-09-28',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(95,23,'2024-12-28',6,2);
INSERT INTO ClientLoyaltySteps VALUES(96,24,'2025-04-25',0,NULL);
INSERT INTO ClientLoyaltySteps VALUES(97,24,'2026-10-28',1,0);
INSERT INTO ClientLoyaltySteps VALUES(98,25,'2025-02-22',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(99,25,'2025-04-19',3,2);
INSERT INTO ClientLoyaltySteps VALUES(100,25,'2025-10-05',6,3);
INSERT INTO ClientLoyaltySteps VALUES(101,25,'2025-10-27',4,6);
INSERT INTO ClientLoyaltySteps VALUES(102,26,'2026-01-25',0,NULL);
INSERT INTO ClientLoyaltySteps VALUES(103,26,'2026-05-25',1,0);
INSERT INTO ClientLoyaltySteps VALUES(104,27,'2024-01-12',0,NULL);
INSERT INTO ClientLoyaltySteps VALUES(105,28,'2025-12-23',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(106,28,'2026-03-24',6,2);
INSERT INTO ClientLoyaltySteps VALUES(107,28,'2026-07-01',3,6);
INSERT INTO ClientLoyaltySteps VALUES(108,28,'2026-07-04',5,3);
INSERT INTO ClientLoyaltySteps VALUES(109,28,'2026-11-01',6,5);
INSERT INTO ClientLoyaltySteps VALUES(110,29,'2025-05-04',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(111,29,'2025-06-02',3,2);
INSERT INTO ClientLoyaltySteps VALUES(112,29,'2025-07-10',4,3);
INSERT INTO ClientLoyaltySteps VALUES(113,29,'2025-11-08',5,4);
INSERT INTO ClientLoyaltySteps VALUES(114,30,'2025-04-06',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(115,30,'2025-04-08',3,2);
INSERT INTO ClientLoyaltySteps VALUES(116,30,'2025-07-08',6,3);
INSERT INTO ClientLoyaltySteps VALUES(117,30,'2025-07-16',4,6);
INSERT INTO ClientLoyaltySteps VALUES(118,30,'2025-07-28',5,4);
INSERT INTO ClientLoyaltySteps VALUES(119,30,'2025-11-21',6,5);
INSERT INTO ClientLoyaltySteps VALUES(120,30,'2026-02-11',5,6);
INSERT INTO ClientLoyaltySteps VALUES(121,31,'2024-03-15',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(122,31,'2024-05-14',3,2);
INSERT INTO ClientLoyaltySteps VALUES(123,31,'2024-06-27',4,3);
INSERT INTO ClientLoyaltySteps VALUES(124,31,'2025-11-22',6,4);
INSERT INTO ClientLoyaltySteps VALUES(125,31,'2025-12-02',4,6);
INSERT INTO ClientLoyaltySteps VALUES(126,32,'2025-02-16',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(127,32,'2025-02-22',3,2);
INSERT INTO ClientLoyaltySteps VALUES(128,32,'2025-03-11',4,3);
INSERT INTO ClientLoyaltySteps VALUES(129,32,'2026-07-10',6,4);
INSERT INTO ClientLoyaltySteps VALUES(130,32,'2026-08-31',4,6);
INSERT INTO ClientLoyaltySteps VALUES(131,33,'2026-10-03',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(132,34,'2026-11-06',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(133,35,'2025-09-09',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(134,35,'2025-11-06',3,2);
INSERT INTO ClientLoyaltySteps VALUES(135,35,'2026-04-30',6,3);
INSERT INTO ClientLoyaltySteps VALUES(136,35,'2026-07-01',4,6);
INSERT INTO ClientLoyaltySteps VALUES(137,36,'2025-04-14',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(138,36,'2025-07-14',6,2);
INSERT INTO ClientLoyaltySteps VALUES(139,37,'2026-01-05',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(140,37,'2026-02-21',3,2);
INSERT INTO ClientLoyaltySteps VALUES(141,37,'2026-03-21',4,3);
INSERT INTO ClientLoyaltySteps VALUES(142,37,'2026-08-04',5,4);
INSERT INTO ClientLoyaltySteps VALUES(143,37,'2026-10-19',6,5);
INSERT INTO ClientLoyaltySteps VALUES(144,38,'2025-02-26',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(145,38,'2025-05-28',6,2);
INSERT INTO ClientLoyaltySteps VALUES(146,38,'2025-06-06',3,6);
INSERT INTO ClientLoyaltySteps VALUES(147,38,'2025-07-09',4,3);
INSERT INTO ClientLoyaltySteps VALUES(148,38,'2026-01-19',5,4);
INSERT INTO ClientLoyaltySteps VALUES(149,39,'2024-07-24',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(150,39,'2024-08-10',3,2);
INSERT INTO ClientLoyaltySteps VALUES(151,39,'2024-11-09',6,3);
INSERT INTO ClientLoyaltySteps VALUES(152,39,'2024-11-21',4,6);
INSERT INTO ClientLoyaltySteps VALUES(153,39,'2025-07-23',5,4);
INSERT INTO ClientLoyaltySteps VALUES(154,40,'2026-02-05',2,NULL);
INSERT INTO ClientLoyaltySteps VALUES(155,40,'2026-05-07',6,2);
CREATE TABLE IF NOT EXISTS "Competitors" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Competitors" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "MergedIntoId" INTEGER NULL,
    CONSTRAINT "FK_Competitors_Competitors_MergedIntoId" FOREIGN KEY ("MergedIntoId") REFERENCES "Competitors" ("Id") ON DELETE RESTRICT
);
INSERT INTO Competitors VALUES(1,'Lieferprofi GmbH',1,NULL);
CREATE TABLE IF NOT EXISTS "LoyaltySettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LoyaltySettings" PRIMARY KEY,
    "RegularPurchases" INTEGER NOT NULL,
    "PromoterScore" INTEGER NOT NULL,
    "LapseFactor" REAL NOT NULL,
    "MinimumLapseDays" INTEGER NOT NULL,
    "TrendWindowDays" INTEGER NOT NULL,
    "BaseMedianIntervalDays" REAL NULL
);
INSERT INTO LoyaltySettings VALUES(1,3,9,3.0,90,90,27.0);
CREATE TABLE IF NOT EXISTS "ClientLosses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ClientLosses" PRIMARY KEY AUTOINCREMENT,
    "ClientId" INTEGER NOT NULL,
    "LostOn" TEXT NOT NULL,
    "ReasonId" INTEGER NOT NULL,
    "CompetitorId" INTEGER NULL,
    "Comment" TEXT NULL,
    "ManagerId" INTEGER NULL,
    "RecordedById" INTEGER NULL,
    "RecordedAt" TEXT NOT NULL,
    "WonBackOn" TEXT NULL,
    CONSTRAINT "FK_ClientLosses_AspNetUsers_ManagerId" FOREIGN KEY ("ManagerId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_ClientLosses_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_ClientLosses_ChurnReasons_ReasonId" FOREIGN KEY ("ReasonId") REFERENCES "ChurnReasons" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ClientLosses_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ClientLosses_Competitors_CompetitorId" FOREIGN KEY ("CompetitorId") REFERENCES "Competitors" ("Id") ON DELETE RESTRICT
);
INSERT INTO ClientLosses VALUES(1,17,'2025-12-25',4,1,NULL,7,NULL,'2026-12-06 19:55:10.6144555',NULL);
INSERT INTO ClientLosses VALUES(2,9,'2025-05-07',2,1,NULL,4,NULL,'2026-12-06 19:55:10.6144555',NULL);
CREATE TABLE IF NOT EXISTS "ClientLifetimes" (
    "ClientId" INTEGER NOT NULL CONSTRAINT "PK_ClientLifetimes" PRIMARY KEY,
    "AsOf" INTEGER NOT NULL,
    "Frequency" REAL NOT NULL,
    "Recency" REAL NOT NULL,
    "Age" REAL NOT NULL,
    "MeanRepeatValue" INTEGER NOT NULL,
    "AliveProbability" REAL NULL,
    "ExpectedPurchases90Days" REAL NULL,
    "ExpectedAverageValue" INTEGER NULL,
    "MarginRate" REAL NOT NULL,
    "Clv" INTEGER NULL,
    "UsualIntervalDays" REAL NULL,
    "LastPurchase" INTEGER NOT NULL,
    "DaysSinceLastPurchase" INTEGER NOT NULL,
    "AbcClass" TEXT NOT NULL,
    "Reason" INTEGER NOT NULL,
    "AtRiskSince" INTEGER NULL,
    "Action" INTEGER NOT NULL,
    "EpisodeTaskId" INTEGER NULL,
    CONSTRAINT "FK_ClientLifetimes_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ClientLifetimes_Tasks_EpisodeTaskId" FOREIGN KEY ("EpisodeTaskId") REFERENCES "Tasks" ("Id") ON DELETE SET NULL
);
CREATE TABLE IF NOT EXISTS "JobRuns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_JobRuns" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Trigger" INTEGER NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "FinishedAt" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "Error" TEXT NULL
);
CREATE TABLE IF NOT EXISTS "LifetimeFits" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LifetimeFits" PRIMARY KEY AUTOINCREMENT,
    "AsOf" INTEGER NOT NULL,
    "FittedAt" TEXT NOT NULL,
    "Period" INTEGER NOT NULL,
    "Clients" INTEGER NOT NULL,
    "R" REAL NULL,
    "Alpha" REAL NULL,
    "A" REAL NULL,
    "B" REAL NULL,
    "LogLikelihood" REAL NULL,
    "Error" TEXT NULL,
    "SpendClients" INTEGER NOT NULL,
    "P" REAL NULL,
    "Q" REAL NULL,
    "Gamma" REAL NULL,
    "SpendLogLikelihood" REAL NULL,
    "FrequencyValueCorrelation" REAL NULL,
    "SpendError" TEXT NULL,
    "AtRisk" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS "LifetimeSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LifetimeSettings" PRIMARY KEY,
    "AliveThreshold" REAL NOT NULL,
    "LostThreshold" REAL NOT NULL,
    "IntervalFactor" REAL NOT NULL,
    "MinSilenceDays" INTEGER NOT NULL,
    "HorizonMonths" INTEGER NOT NULL,
    "AnnualDiscountRate" REAL NOT NULL,
    "Period" INTEGER NOT NULL,
    "JobHourUtc" INTEGER NOT NULL,
    "TaskClasses" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY,
    "At" TEXT NOT NULL,
    "EmployeeId" INTEGER NULL,
    "Action" TEXT NOT NULL,
    "Entity" TEXT NULL,
    "EntityId" INTEGER NULL,
    "Detail" TEXT NULL,
    "Ip" TEXT NULL,
    "RowCount" INTEGER NULL,
    "ClientCount" INTEGER NOT NULL,
    "PrevHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);
INSERT INTO AuditEntries VALUES(1,'2026-12-06 19:55:04.459',NULL,'Created','AcquisitionChannel',1,'{"after":{"Id":1,"Code":"advertising","IsActive":true,"Name":"Advertising"}}',NULL,NULL,0,'0000000000000000000000000000000000000000000000000000000000000000','cbc89bf55c834295a6ea415972e4daa2a0745fd7a85d8ede7822e82e26cb9166');
INSERT INTO AuditEntries VALUES(2,'2026-12-06 19:55:04.498',NULL,'Created','AcquisitionChannel',2,'{"after":{"Id":2,"Code":"partner","IsActive":true,"Name":"Partner"}}',NULL,NULL,0,'cbc89bf55c834295a6ea415972e4daa2a0745fd7a85d8ede7822e82e26cb9166','984de8b0ee124ac05befd059828cfde48ec810ad2e95ae077e0a1fd1ab49a67b');
INSERT INTO AuditEntries VALUES(3,'2026-12-06 19:55:04.499',NULL,'Created','AcquisitionChannel',3,'{"after":{"Id":3,"Code":"personal","IsActive":true,"Name":"Personal contact"}}',NULL,NULL,0,'984de8b0ee124ac05befd059828cfde48ec810ad2e95ae077e0a1fd1ab49a67b','3c1ed44cc09cf7e3e3916974f90392346cdd712cabfbd721822cc6db85c7f248');
INSERT INTO AuditEntries VALUES(4,'2026-12-06 19:55:04.499',NULL,'Created','AcquisitionChannel',4,'{"after":{"Id":4,"Code":"referral","IsActive":true,"Name":"Referral"}}',NULL,NULL,0,'3c1ed44cc09cf7e3e3916974f90392346cdd712cabfbd721822cc6db85c7f248','0cb98238267f1f1d28ac3b3cb2a06e656fb43ef5c825fecc09c6a09b0db318cd');
INSERT INTO AuditEntries VALUES(5,'2026-12-06 19:55:04.499',NULL,'Created','AcquisitionChannel',5,'{"after":{"Id":5,"Code":"cold-call","IsActive":true,"Name":"Cold call"}}',NULL,NULL,0,'0cb98238267f1f1d28ac3b3cb2a06e656fb43ef5c825fecc09c6a09b0db318cd','73843c04f9dad0c2adc151458eff70c287583a87f2f49462eeee6981058c1cd0');
INSERT INTO AuditEntries VALUES(6,'2026-12-06 19:55:04.499',NULL,'Created','AcquisitionChannel',6,'{"after":{"Id":6,"Code":"website","IsActive":true,"Name":"Website"}}',NULL,NULL,0,'73843c04f9dad0c2adc151458eff70c287583a87f2f49462eeee6981058c1cd0','0641d5ad489f5390b8454735f1c3da02ebe8cb34c587dead2cf55384adda1464');
INSERT INTO AuditEntries VALUES(7,'2026-12-06 19:55:04.499',NULL,'Created','AcquisitionChannel',7,'{"after":{"Id":7,"Code":"exhibition","IsActive":true,"Name":"Exhibition"}}',NULL,NULL,0,'0641d5ad489f5390b8454735f1c3da02ebe8cb34c587dead2cf55384adda1464','b746b32aaf179e96300a2146d9825f76c88d3a9ef51fb899d9821c2b06b9464e');
INSERT INTO AuditEntries VALUES(8,'2026-12-06 19:55:04.499',NULL,'Created','AcquisitionChannel',8,'{"after":{"Id":8,"Code":"other","IsActive":true,"Name":"Other"}}',NULL,NULL,0,'b746b32aaf179e96300a2146d9825f76c88d3a9ef51fb899d9821c2b06b9464e','b00bc6f7d2afa4bac9f5f2044cd8ddb18f49651b67d415ca9bc9df984441d95f');
INSERT INTO AuditEntries VALUES(9,'2026-12-06 19:55:04.499',NULL,'Created','ClientGroup',1,'{"after":{"Id":1,"Name":"Productive","Preset":"Productive","Strategy":"Keep and develop: widen the range, priority service."}}',NULL,NULL,0,'b00bc6f7d2afa4bac9f5f2044cd8ddb18f49651b67d415ca9bc9df984441d95f','1018d5e75e50aa1a927798fd56ae2ab1c64213f82df73ed722c941999db968e3');
INSERT INTO AuditEntries VALUES(10,'2026-12-06 19:55:04.499',NULL,'Created','ClientGroup',2,'{"after":{"Id":2,"Name":"Image","Preset":"Image","Strategy":"Keep for the name they lend; hold costs in check."}}',NULL,NULL,0,'1018d5e75e50aa1a927798fd56ae2ab1c64213f82df73ed722c941999db968e3','e0318842501af770002be462072abe88c4d126e8552acd76beda9f6e449704d4');
INSERT INTO AuditEntries VALUES(11,'2026-12-06 19:55:04.499',NULL,'Created','ClientGroup',3,'{"after":{"Id":3,"Name":"Prospective","Preset":"Prospective","Strategy":"Invest attention; review in six months."}}',NULL,NULL,0,'e0318842501af770002be462072abe88c4d126e8552acd76beda9f6e449704d4','af2fbd38707ccf274e1dcc6db994946f212b2ecc9f8c2ddb1fb91825c668e80a');
INSERT INTO AuditEntries VALUES(12,'2026-12-06 19:55:04.499',NULL,'Created','CompanySettings',1,'{"after":{"Id":1,"AbcA":0.8,"AbcB":0.95,"ActiveWindowMonths":12,"BaseCurrency":"RUB","DefaultPhoneRegion":"RU","Name":"My company","XyzX":0.1,"XyzY":0.25}}',NULL,NULL,0,'af2fbd38707ccf274e1dcc6db994946f212b2ecc9f8c2ddb1fb91825c668e80a','54f6339bd24af9f0c96980b5e85f7dbb1fc1a34c52e81ecf0382fea92a6a7c10');
INSERT INTO AuditEntries VALUES(13,'2026-12-06 19:55:04.565',NULL,'Created','ChurnReason',7,'{"after":{"Id":7,"Code":"other","IsActive":true,"Name":"Other"}}',NULL,NULL,0,'54f6339bd24af9f0c96980b5e85f7dbb1fc1a34c52e81ecf0382fea92a6a7c10','16c4e0539ab21349c22ca31728fa7f70dfea67523dae1091e2f4451b2e3be76f');
INSERT INTO AuditEntries VALUES(14,'2026-12-06 19:55:04.565',NULL,'Created','ChurnReason',6,'{"after":{"Id":6,"Code":"closed","IsActive":true,"Name":"Closed"}}',NULL,NULL,0,'16c4e0539ab21349c22ca31728fa7f70dfea67523dae1091e2f4451b2e3be76f','c9d899eea1047d2bcb77cdc13f2b8997cc6a25b526276c5417802e7d9256167c');
INSERT INTO AuditEntries VALUES(15,'2026-12-06 19:55:04.565',NULL,'Created','ChurnReason',5,'{"after":{"Id":5,"Code":"moved","IsActive":true,"Name":"Moved"}}',NULL,NULL,0,'c9d899eea1047d2bcb77cdc13f2b8997cc6a25b526276c5417802e7d9256167c','560634606c6538537283144246318d0cf80946fb52529cbc1d36e8a24625f3d0');
INSERT INTO AuditEntries VALUES(16,'2026-12-06 19:55:04.565',NULL,'Created','ChurnReason',4,'{"after":{"Id":4,"Code":"competitor-offer","IsActive":true,"Name":"A competitor\u0027s offer"}}',NULL,NULL,0,'560634606c6538537283144246318d0cf80946fb52529cbc1d36e8a24625f3d0','6b1c16377a57a4a6a2436cc9e95eecd3517c5b597f148eb4f63aac151cd5c121');
INSERT INTO AuditEntries VALUES(17,'2026-12-06 19:55:04.565',NULL,'Created','ChurnReason',3,'{"after":{"Id":3,"Code":"service","IsActive":true,"Name":"Service"}}',NULL,NULL,0,'6b1c16377a57a4a6a2436cc9e95eecd3517c5b597f148eb4f63aac151cd5c121','391cff40138292185d8eef1342f4810cacc872c0c0ae31595b280447522d8a59');
INSERT INTO AuditEntries VALUES(18,'2026-12-06 19:55:04.565',NULL,'Created','ChurnReason',2,'{"after":{"Id":2,"Code":"quality","IsActive":true,"Name":"Quality"}}',NULL,NULL,0,'391cff40138292185d8eef1342f4810cacc872c0c0ae31595b280447522d8a59','088d128d76632e113979cc9e40b7d554b4ed9c2b90024316afca91d19024e0dc');
INSERT INTO AuditEntries VALUES(19,'2026-12-06 19:55:04.565',NULL,'Created','ChurnReason',1,'{"after":{"Id":1,"Code":"price","IsActive":true,"Name":"Price"}}',NULL,NULL,0,'088d128d76632e113979cc9e40b7d554b4ed9c2b90024316afca91d19024e0dc','97b1cd1e181847c45a5ca49f5251968b64b9f188974a72f4ea2f20a09c90a2b5');
INSERT INTO AuditEntries VALUES(20,'2026-12-06 19:55:07.392',NULL,'Created','Employee',1,'{"after":{"Id":1,"CreatedAt":"2026-12-06T19:55:07.0110416Z","DisplayName":"Olga Owner","Email":"owner@upgrade.test","EmailConfirmed":true,"IsActive":true,"LockoutEnabled":false,"PasswordHash":"***","PhoneNumberConfirmed":false,"Role":"Owner","SecurityStamp":"***","TwoFactorEnabled":false,"UserName":"owner@upgrade.test"}}',NULL,NULL,0,'97b1cd1e181847c45a5ca49f5251968b64b9f188974a72f4ea2f20a09c90a2b5','6161556ac65b23a63e1f13b261231e8146f54becc0a65d7be5c893618da9fe00');
INSERT INTO AuditEntries VALUES(21,'2026-12-06 19:55:10.072',NULL,'Created','Employee',2,'{"after":{"Id":2,"CreatedAt":"2026-12-06T19:55:09.7589779Z","DisplayName":"Owner (demo)","Email":"owner@demo.clientele","EmailConfirmed":true,"IsActive":true,"LockoutEnabled":false,"PasswordHash":"***","PhoneNumberConfirmed":false,"Role":"Owner","SecurityStamp":"***","TwoFactorEnabled":false,"UserName":"owner@demo.clientele"}}',NULL,NULL,0,'6161556ac65b23a63e1f13b261231e8146f54becc0a65d7be5c893618da9fe00','1eac772dff029117df77314f22594bc1e80c915256b48ebf4ebd6761ebc27a15');
INSERT INTO AuditEntries VALUES(22,'2026-12-06 19:55:10.187',NULL,'Created','Employee',3,'{"after":{"Id":3,"CreatedAt":"2026-12-06T19:55:10.1352784Z","DisplayName":"Анна Петрова","Email":"manager1@demo.clientele","EmailConfirmed":true,"IsActive":true,"LockoutEnabled":false,"PasswordHash":"***","PhoneNumberConfirmed":false,"Role":"Manager","SecurityStamp":"***","TwoFactorEnabled":false,"UserName":"manager1@demo.clientele"}}',NULL,NULL,0,'1eac772dff029117df77314f22594bc1e80c915256b48ebf4ebd6761ebc27a15','9809bd69b18bbb65d9a1591ac0737866db1496b1ad52c7e3c27278bc8ee52197');
INSERT INTO AuditEntries VALUES(23,'2026-12-06 19:55:10.238',NULL,'Created','Employee',4,'{"after":{"Id":4,"CreatedAt":"2026-12-06T19:55:10.190525Z","DisplayName":"Игорь Смирнов","Email":"manager2@demo.clientele","EmailConfirmed":true,"IsActive":true,"LockoutEnabled":false,"PasswordHash":"***","PhoneNumberConfirmed":false,"Role":"Manager","SecurityStamp":"***","TwoFactorEnabled":false,"UserName":"manager2@demo.clientele"}}',NULL,NULL,0,'9809bd69b18bbb65d9a1591ac0737866db1496b1ad52c7e3c27278bc8ee52197','5f93e5966b3dfb645dfa7aa01c94e89c470099993508d258e0309672c5e32fdf');
INSERT INTO AuditEntries VALUES(24,'2026-12-06 19:55:10.289',NULL,'Created','Employee',5,'{"after":{"Id":5,"CreatedAt":"2026-12-06T19:55:10.2406446Z","DisplayName":"Katrin Weber","Email":"manager3@demo.clientele","EmailConfirmed":true,"IsActive":true,"LockoutEnabled":false,"PasswordHash":"***","PhoneNumberConfirmed":false,"Role":"Manager","SecurityStamp":"***","TwoFactorEnabled":false,"UserName":"manager3@demo.clientele"}}',NULL,NULL,0,'5f93e5966b3dfb645dfa7aa01c94e89c470099993508d258e0309672c5e32fdf','8555774de199be6cc199cc5255dd65fd4d16e1eaf13cf0feb0fc7ae5b1dc83aa');
INSERT INTO AuditEntries VALUES(25,'2026-12-06 19:55:10.34',NULL,'Created','Employee',6,'{"after":{"Id":6,"CreatedAt":"2026-12-06T19:55:10.2911028Z","DisplayName":"Олег Волков","Email":"manager4@demo.clientele","EmailConfirmed":true,"IsActive":true,"LockoutEnabled":false,"PasswordHash":"***","PhoneNumberConfirmed":false,"Role":"Manager","SecurityStamp":"***","TwoFactorEnabled":false,"UserName":"manager4@demo.clientele"}}',NULL,NULL,0,'8555774de199be6cc199cc5255dd65fd4d16e1eaf13cf0feb0fc7ae5b1dc83aa','1e79fb9acb0c15c1d184dc4a181f04bd524f1b1fc3f863c29e0a76558cb4315a');
INSERT INTO AuditEntries VALUES(26,'2026-12-06 19:55:10.39',NULL,'Created','Employee',7,'{"after":{"Id":7,"CreatedAt":"2026-12-06T19:55:10.342149Z","DisplayName":"Jonas Becker","Email":"manager5@demo.clientele","EmailConfirmed":true,"IsActive":true,"LockoutEnabled":false,"PasswordHash":"***","PhoneNumberConfirmed":false,"Role":"Manager","SecurityStamp":"***","TwoFactorEnabled":false,"UserName":"manager5@demo.clientele"}}',NULL,NULL,0,'1e79fb9acb0c15c1d184dc4a181f04bd524f1b1fc3f863c29e0a76558cb4315a','8fa2223956ac4ebd174677ee5548614145df95b495b600ceaec1fe9a2e8b8df5');
INSERT INTO AuditEntries VALUES(27,'2026-12-06 19:55:11.624',NULL,'Created','DemoBase',NULL,'demo base: 40 clients, 300 purchases',NULL,40,0,'8fa2223956ac4ebd174677ee5548614145df95b495b600ceaec1fe9a2e8b8df5','38c36f8a7adeb70143d2bd3753826b851190b3f2dd95f63c6451710e244335e7');
CREATE TABLE IF NOT EXISTS "AuditSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditSettings" PRIMARY KEY,
    "RetentionDays" INTEGER NOT NULL,
    "MassAccessFactor" REAL NOT NULL,
    "MassAccessMinClients" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS "ConsentTexts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ConsentTexts" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Language" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedById" INTEGER NULL,
    CONSTRAINT "FK_ConsentTexts_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL
);
CREATE TABLE IF NOT EXISTS "DataBreaches" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataBreaches" PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "DiscoveredAt" TEXT NOT NULL,
    "OccurredFrom" TEXT NULL,
    "OccurredTo" TEXT NULL,
    "DataCategories" TEXT NULL,
    "PeopleAffected" INTEGER NULL,
    "ActionsTaken" TEXT NULL,
    "RoskomnadzorNotifiedAt" TEXT NULL,
    "RoskomnadzorResultsAt" TEXT NULL,
    "SupervisoryAuthorityNotifiedAt" TEXT NULL,
    "PeopleNotifiedAt" TEXT NULL,
    "RecordedById" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_DataBreaches_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL
);
CREATE TABLE IF NOT EXISTS "ErasureRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ErasureRecords" PRIMARY KEY AUTOINCREMENT,
    "ClientId" INTEGER NOT NULL,
    "ErasedAt" TEXT NOT NULL,
    "ErasedById" INTEGER NULL,
    "Trigger" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "RequestReference" TEXT NULL,
    "IncludedCompanyData" INTEGER NOT NULL,
    "Fields" TEXT NOT NULL,
    CONSTRAINT "FK_ErasureRecords_AspNetUsers_ErasedById" FOREIGN KEY ("ErasedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL
);
CREATE TABLE IF NOT EXISTS "ExportRecords" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ExportRecords" PRIMARY KEY,
    "EmployeeId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Path" TEXT NOT NULL,
    "Filter" TEXT NOT NULL,
    "Format" TEXT NOT NULL,
    "RowCount" INTEGER NULL,
    "ClientCount" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "DecidedById" INTEGER NULL,
    "DecidedAt" TEXT NULL,
    "UsedAt" TEXT NULL,
    CONSTRAINT "FK_ExportRecords_AspNetUsers_DecidedById" FOREIGN KEY ("DecidedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ExportRecords_AspNetUsers_EmployeeId" FOREIGN KEY ("EmployeeId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "ExportSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ExportSettings" PRIMARY KEY,
    "Threshold" INTEGER NOT NULL,
    "CanaryDomain" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS "MassAccessAlerts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MassAccessAlerts" PRIMARY KEY AUTOINCREMENT,
    "EmployeeId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "ClientCount" INTEGER NOT NULL,
    "Baseline" REAL NOT NULL,
    "LiftedAt" TEXT NULL,
    "LiftedById" INTEGER NULL
);
CREATE TABLE IF NOT EXISTS "PrivacySettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PrivacySettings" PRIMARY KEY,
    "RetentionMonths" INTEGER NULL,
    "Version" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS "SignInPolicy" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SignInPolicy" PRIMARY KEY,
    "IdleTimeoutMinutes" INTEGER NOT NULL,
    "AbsoluteLifetimeHours" INTEGER NOT NULL,
    "TwoFactorRequired" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS "TwoFactorSteps" (
    "EmployeeId" INTEGER NOT NULL CONSTRAINT "PK_TwoFactorSteps" PRIMARY KEY,
    "LastAcceptedStep" INTEGER NOT NULL,
    CONSTRAINT "FK_TwoFactorSteps_AspNetUsers_EmployeeId" FOREIGN KEY ("EmployeeId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "UserSessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_UserSessions" PRIMARY KEY,
    "EmployeeId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastSeenAt" TEXT NOT NULL,
    "IdleExpiresAt" TEXT NOT NULL,
    "AbsoluteExpiresAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    "Ip" TEXT NULL,
    "UserAgent" TEXT NULL,
    "Method" TEXT NOT NULL,
    CONSTRAINT "FK_UserSessions_AspNetUsers_EmployeeId" FOREIGN KEY ("EmployeeId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AuditEntryClients" (
    "EntryId" INTEGER NOT NULL,
    "ClientId" INTEGER NOT NULL,
    "EmployeeId" INTEGER NULL,
    "At" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    CONSTRAINT "PK_AuditEntryClients" PRIMARY KEY ("EntryId", "ClientId"),
    CONSTRAINT "FK_AuditEntryClients_AuditEntries_EntryId" FOREIGN KEY ("EntryId") REFERENCES "AuditEntries" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "PersonalDataConsents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PersonalDataConsents" PRIMARY KEY AUTOINCREMENT,
    "ClientId" INTEGER NOT NULL,
    "ContactPersonId" INTEGER NULL,
    "Channel" INTEGER NOT NULL,
    "Purpose" INTEGER NOT NULL,
    "GrantedAt" TEXT NOT NULL,
    "Source" INTEGER NOT NULL,
    "Text" TEXT NULL,
    "ConsentTextId" INTEGER NULL,
    "RecordedById" INTEGER NULL,
    "RecordedAt" TEXT NOT NULL,
    "WithdrawnAt" TEXT NULL,
    "WithdrawalSource" INTEGER NULL,
    "WithdrawnById" INTEGER NULL,
    CONSTRAINT "FK_PersonalDataConsents_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_PersonalDataConsents_AspNetUsers_WithdrawnById" FOREIGN KEY ("WithdrawnById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_PersonalDataConsents_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PersonalDataConsents_ConsentTexts_ConsentTextId" FOREIGN KEY ("ConsentTextId") REFERENCES "ConsentTexts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PersonalDataConsents_ContactPersons_ContactPersonId" FOREIGN KEY ("ContactPersonId") REFERENCES "ContactPersons" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "ExportCanaries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ExportCanaries" PRIMARY KEY AUTOINCREMENT,
    "ExportId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "Phone" TEXT NOT NULL,
    "FakeClientId" INTEGER NOT NULL,
    CONSTRAINT "FK_ExportCanaries_ExportRecords_ExportId" FOREIGN KEY ("ExportId") REFERENCES "ExportRecords" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUsers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY AUTOINCREMENT,
    "AccessFailedCount" INTEGER NOT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Culture" TEXT NULL,
    "DepartedAt" TEXT NULL,
    "DisplayName" TEXT NOT NULL,
    "Email" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "PasswordHash" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "Role" INTEGER NOT NULL,
    "SecurityStamp" TEXT NULL,
    "TeamLeadId" INTEGER NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    CONSTRAINT "FK_AspNetUsers_AspNetUsers_TeamLeadId" FOREIGN KEY ("TeamLeadId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL
);
INSERT INTO AspNetUsers VALUES(1,0,'c9d2fb5d-29ee-48c3-8198-c8645dbc875a','2026-12-06 19:55:07.0110416',NULL,NULL,'Olga Owner','owner@upgrade.test',1,1,0,NULL,'OWNER@UPGRADE.TEST','OWNER@UPGRADE.TEST','AQAAAAIAAYagAAAAEGTHdYK+OzCcCeLhq3DtJBFPd4rbURYPn2tr7/i0Cay4zARxToC6RqFjzs9gqqFVjg==',NULL,0,0,'2ATRZV5YHXCYEL4IB7EG52QXFBDUWDXL',NULL,0,'owner@upgrade.test');
INSERT INTO AspNetUsers VALUES(2,0,'e07f23c1-4003-4aa0-95c5-63dd341249d4','2026-12-06 19:55:09.7589779',NULL,NULL,'Owner (demo)','owner@demo.clientele',1,1,0,NULL,'OWNER@DEMO.CLIENTELE','OWNER@DEMO.CLIENTELE','AQAAAAIAAYagAAAAEIqBFdLHznFwcEnntST8o4jn6HB/pdJU6K7SiAYLlRrWA3qc+mGAU8+sB/j9ArkCmg==',NULL,0,0,'WGOU25LEVV3A5XVLC3CPKBK2V4PRVF5T',NULL,0,'owner@demo.clientele');
INSERT INTO AspNetUsers VALUES(3,0,'9605c4ed-86a3-4d0d-9d0d-6927203fbf7c','2026-12-06 19:55:10.1352784',NULL,NULL,'Анна Петрова','manager1@demo.clientele',1,1,0,NULL,'MANAGER1@DEMO.CLIENTELE','MANAGER1@DEMO.CLIENTELE','AQAAAAIAAYagAAAAELqwpzBzHv9aiwxRRnuzmKC6GbolUu1BqqucQ93a8+lYX1ErRHriveBaqAja0lqxvw==',NULL,0,1,'R44WZUNQMXQ3WS7M3GHCX7S2D4HW6X6E',NULL,0,'manager1@demo.clientele');
INSERT INTO AspNetUsers VALUES(4,0,'926a437f-a8bf-4da1-8aa6-a7fec7f00b5e','2026-12-06 19:55:10.190525',NULL,NULL,'Игорь Смирнов','manager2@demo.clientele',1,1,0,NULL,'MANAGER2@DEMO.CLIENTELE','MANAGER2@DEMO.CLIENTELE','AQAAAAIAAYagAAAAEE7kWMBB1V7VLXBeHfj9UUF8/w5KM1zkjjjYDEiH6kc9GNNbPFnfrzjPf9P+Q8h9YQ==',NULL,0,1,'XQATZ4VNFQS3DUTODX673OC7CIIOZPWI',NULL,0,'manager2@demo.clientele');
INSERT INTO AspNetUsers VALUES(5,0,'bfc62a7d-a779-479a-b7d6-f15cb12a221e','2026-12-06 19:55:10.2406446',NULL,NULL,'Katrin Weber','manager3@demo.clientele',1,1,0,NULL,'MANAGER3@DEMO.CLIENTELE','MANAGER3@DEMO.CLIENTELE','AQAAAAIAAYagAAAAEDTPJENldx+54MyeOIoDMjzbQFoUCHGRZt9ukweldxIwgG313CjNDdAoNuuW+qx2ig==',NULL,0,1,'ISCSASZ3CVZDKEEXC4OTHHPLNK3R3JVD',NULL,0,'manager3@demo.clientele');
INSERT INTO AspNetUsers VALUES(6,0,'a0d7e52d-adad-4b60-9fb6-13ee15eefd0a','2026-12-06 19:55:10.2911028',NULL,NULL,'Олег Волков','manager4@demo.clientele',1,1,0,NULL,'MANAGER4@DEMO.CLIENTELE','MANAGER4@DEMO.CLIENTELE','AQAAAAIAAYagAAAAEG56ZnBGQfrXQC4/sNtKnGqRwatt4+WFYPQFR5CB36Q4PqUcdukFW9OHLFyeCtTw7w==',NULL,0,1,'JE4GVDYSBVE7FMPJYOM3VUGB6B5DAMQE',NULL,0,'manager4@demo.clientele');
INSERT INTO AspNetUsers VALUES(7,0,'d98f894b-a101-4704-a31d-b47eb7ef035a','2026-12-06 19:55:10.342149',NULL,NULL,'Jonas Becker','manager5@demo.clientele',1,1,0,NULL,'MANAGER5@DEMO.CLIENTELE','MANAGER5@DEMO.CLIENTELE','AQAAAAIAAYagAAAAEDMPUI7Kju0pt78c9hPGOZqIJ4m14DB0+9otHK3qU6V/uLw4emaZ3+Ms63m8TM1H2g==',NULL,0,1,'WFSO66WUP7D5TWLHJ6LZBBFIMBQCWK3E',NULL,0,'manager5@demo.clientele');
CREATE TABLE IF NOT EXISTS "ClientMerges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ClientMerges" PRIMARY KEY AUTOINCREMENT,
    "KeptId" INTEGER NOT NULL,
    "MergedId" INTEGER NOT NULL,
    "KeptName" TEXT NOT NULL,
    "MergedName" TEXT NOT NULL,
    "MergedClient" TEXT NOT NULL,
    "KeptChanges" TEXT NOT NULL,
    "KeptVersionAfter" INTEGER NOT NULL,
    "MovedRows" TEXT NOT NULL,
    "DeletedRows" TEXT NOT NULL,
    "MergedById" INTEGER NULL,
    "MergedAt" TEXT NOT NULL,
    "UndoneAt" TEXT NULL,
    "UndoneById" INTEGER NULL
);
CREATE TABLE IF NOT EXISTS "DuplicateCandidates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DuplicateCandidates" PRIMARY KEY AUTOINCREMENT,
    "ClientId" INTEGER NOT NULL,
    "OtherClientId" INTEGER NOT NULL,
    "Reason" INTEGER NOT NULL,
    "Score" REAL NOT NULL,
    "Source" INTEGER NOT NULL,
    "ImportJobId" INTEGER NULL,
    "Status" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ResolvedAt" TEXT NULL,
    "ResolvedById" INTEGER NULL,
    CONSTRAINT "FK_DuplicateCandidates_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "ImportAddedContacts" (
    "JobId" INTEGER NOT NULL,
    "ContactId" INTEGER NOT NULL,
    CONSTRAINT "PK_ImportAddedContacts" PRIMARY KEY ("JobId", "ContactId")
);
CREATE TABLE IF NOT EXISTS "ImportBeforeImages" (
    "JobId" INTEGER NOT NULL,
    "ClientId" INTEGER NOT NULL,
    "Json" TEXT NOT NULL,
    CONSTRAINT "PK_ImportBeforeImages" PRIMARY KEY ("JobId", "ClientId")
);
CREATE TABLE IF NOT EXISTS "ImportCreatedRanges" (
    "JobId" INTEGER NOT NULL CONSTRAINT "PK_ImportCreatedRanges" PRIMARY KEY,
    "FirstClientId" INTEGER NOT NULL,
    "LastClientId" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS "ImportJobs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ImportJobs" PRIMARY KEY AUTOINCREMENT,
    "Kind" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "FilePath" TEXT NOT NULL,
    "FileHash" TEXT NOT NULL,
    "FileSize" INTEGER NOT NULL,
    "FileDescription" TEXT NULL,
    "OptionsJson" TEXT NOT NULL,
    "CreatedById" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "StartedAt" TEXT NULL,
    "FinishedAt" TEXT NULL,
    "Phase" TEXT NULL,
    "RowsTotal" INTEGER NULL,
    "Checkpoint" INTEGER NOT NULL,
    "RowsCreated" INTEGER NOT NULL,
    "RowsUpdated" INTEGER NOT NULL,
    "RowsMerged" INTEGER NOT NULL,
    "RowsSkipped" INTEGER NOT NULL,
    "RowsRejected" INTEGER NOT NULL,
    "RowsForReview" INTEGER NOT NULL,
    "Error" TEXT NULL
);
CREATE TABLE IF NOT EXISTS "ImportPresets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ImportPresets" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "MapJson" TEXT NOT NULL,
    "CreatedById" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ImportPresets_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL
);
CREATE TABLE IF NOT EXISTS "ImportStagedClients" (
    "JobId" INTEGER NOT NULL,
    "Seq" INTEGER NOT NULL,
    "Line" INTEGER NOT NULL,
    "Action" INTEGER NOT NULL,
    "Reason" TEXT NULL,
    "Field" TEXT NULL,
    "ExistingClientId" INTEGER NULL,
    "NewOrdinal" INTEGER NULL,
    "SimilarClientId" INTEGER NULL,
    "MergedIntoSeq" INTEGER NULL,
    "Score" REAL NULL,
    "PhoneHash" INTEGER NULL,
    "EmailHash" INTEGER NULL,
    "TaxIdHash" INTEGER NULL,
    "Name" TEXT NULL,
    "NameKey" TEXT NOT NULL,
    "Kind" INTEGER NULL,
    "Role" INTEGER NULL,
    "Status" INTEGER NULL,
    "LegalName" TEXT NULL,
    "TaxId" TEXT NULL,
    "Phone" TEXT NULL,
    "Email" TEXT NULL,
    "Website" TEXT NULL,
    "City" TEXT NULL,
    "Region" TEXT NULL,
    "Country" TEXT NULL,
    "Industry" TEXT NULL,
    "ManagerId" INTEGER NULL,
    "ChannelId" INTEGER NULL,
    "AcquiredOn" TEXT NULL,
    "Notes" TEXT NULL,
    "Tags" TEXT NULL,
    "Terms" TEXT NULL,
    "ContactName" TEXT NULL,
    "ContactPosition" TEXT NULL,
    "ContactPhone" TEXT NULL,
    "ContactEmail" TEXT NULL,
    CONSTRAINT "PK_ImportStagedClients" PRIMARY KEY ("JobId", "Seq")
);
CREATE TABLE IF NOT EXISTS "ImportCreatedRecords" (
    "JobId" INTEGER NOT NULL,
    "Entity" TEXT NOT NULL,
    "EntityId" INTEGER NOT NULL,
    CONSTRAINT "PK_ImportCreatedRecords" PRIMARY KEY ("JobId", "Entity", "EntityId"),
    CONSTRAINT "FK_ImportCreatedRecords_ImportJobs_JobId" FOREIGN KEY ("JobId") REFERENCES "ImportJobs" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "ClientSearchTerms" (
    "ClientId" INTEGER NOT NULL,
    "Term" TEXT NOT NULL,
    CONSTRAINT "PK_ClientSearchTerms" PRIMARY KEY ("ClientId", "Term"),
    CONSTRAINT "FK_ClientSearchTerms_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO ClientSearchTerms VALUES(22,'c4915123727082');
INSERT INTO ClientSearchTerms VALUES(5,'c4915130441661');
INSERT INTO ClientSearchTerms VALUES(32,'c4915136547162');
INSERT INTO ClientSearchTerms VALUES(27,'c4915143625265');
INSERT INTO ClientSearchTerms VALUES(7,'c4915148936472');
INSERT INTO ClientSearchTerms VALUES(4,'c4915159224126');
INSERT INTO ClientSearchTerms VALUES(17,'c4915165439964');
INSERT INTO ClientSearchTerms VALUES(36,'c4915188552767');
INSERT INTO ClientSearchTerms VALUES(13,'c4915192996374');
INSERT INTO ClientSearchTerms VALUES(24,'c79103403060');
INSERT INTO ClientSearchTerms VALUES(8,'c79118891245');
INSERT INTO ClientSearchTerms VALUES(20,'c79119010805');
INSERT INTO ClientSearchTerms VALUES(2,'c79171792044');
INSERT INTO ClientSearchTerms VALUES(29,'c79183019751');
INSERT INTO ClientSearchTerms VALUES(3,'c79192079825');
INSERT INTO ClientSearchTerms VALUES(25,'c79212924030');
INSERT INTO ClientSearchTerms VALUES(26,'c79231171734');
INSERT INTO ClientSearchTerms VALUES(23,'c79272639892');
INSERT INTO ClientSearchTerms VALUES(10,'c79295198634');
INSERT INTO ClientSearchTerms VALUES(38,'c79375413642');
INSERT INTO ClientSearchTerms VALUES(28,'c79399862034');
INSERT INTO ClientSearchTerms VALUES(40,'c79404932613');
INSERT INTO ClientSearchTerms VALUES(6,'c79467489249');
INSERT INTO ClientSearchTerms VALUES(18,'c79472446407');
INSERT INTO ClientSearchTerms VALUES(11,'c79479985267');
INSERT INTO ClientSearchTerms VALUES(16,'c79512909859');
INSERT INTO ClientSearchTerms VALUES(34,'c79515145935');
INSERT INTO ClientSearchTerms VALUES(31,'c79592965143');
INSERT INTO ClientSearchTerms VALUES(39,'c79598433929');
INSERT INTO ClientSearchTerms VALUES(12,'c79681207350');
INSERT INTO ClientSearchTerms VALUES(9,'c79696290845');
INSERT INTO ClientSearchTerms VALUES(37,'c79704285041');
INSERT INTO ClientSearchTerms VALUES(30,'c79725765331');
INSERT INTO ClientSearchTerms VALUES(33,'c79745092248');
INSERT INTO ClientSearchTerms VALUES(1,'c79776479455');
INSERT INTO ClientSearchTerms VALUES(15,'c79833438710');
INSERT INTO ClientSearchTerms VALUES(14,'c79853990934');
INSERT INTO ClientSearchTerms VALUES(35,'c79893207179');
INSERT INTO ClientSearchTerms VALUES(19,'c79961128735');
INSERT INTO ClientSearchTerms VALUES(21,'c79975588648');
INSERT INTO ClientSearchTerms VALUES(10,'cinfo10@mihaylovanna.ru');
INSERT INTO ClientSearchTerms VALUES(11,'cinfo11@torgservis.ru');
INSERT INTO ClientSearchTerms VALUES(12,'cinfo12@volgaprom.ru');
INSERT INTO ClientSearchTerms VALUES(13,'cinfo13@neumannelektro.de');
INSERT INTO ClientSearchTerms VALUES(14,'cinfo14@popovandrey.ru');
INSERT INTO ClientSearchTerms VALUES(15,'cinfo15@popovaleksey.ru');
INSERT INTO ClientSearchTerms VALUES(16,'cinfo16@kuznetsovaleksey.ru');
INSERT INTO ClientSearchTerms VALUES(17,'cinfo17@koehlerbau.de');
INSERT INTO ClientSearchTerms VALUES(18,'cinfo18@torgtreyd.ru');
INSERT INTO ClientSearchTerms VALUES(19,'cinfo19@atlantservis.ru');
INSERT INTO ClientSearchTerms VALUES(1,'cinfo1@etalongrupp.ru');
INSERT INTO ClientSearchTerms VALUES(20,'cinfo20@granitprom.ru');
INSERT INTO ClientSearchTerms VALUES(21,'cinfo21@sibirtreyd.ru');
INSERT INTO ClientSearchTerms VALUES(22,'cinfo22@juergenkoch.de');
INSERT INTO ClientSearchTerms VALUES(23,'cinfo23@volgagrupp.ru');
INSERT INTO ClientSearchTerms VALUES(24,'cinfo24@vostokinvest.ru');
INSERT INTO ClientSearchTerms VALUES(25,'cinfo25@tehnologistik.ru');
INSERT INTO ClientSearchTerms VALUES(26,'cinfo26@pulsservis.ru');
INSERT INTO ClientSearchTerms VALUES(27,'cinfo27@christianschneider.de');
INSERT INTO ClientSearchTerms VALUES(28,'cinfo28@favoritservis.ru');
INSERT INTO ClientSearchTerms VALUES(29,'cinfo29@sokolovdmitriy.ru');
INSERT INTO ClientSearchTerms VALUES(2,'cinfo2@gorizontmarket.ru');
INSERT INTO ClientSearchTerms VALUES(30,'cinfo30@sibirprom.ru');
INSERT INTO ClientSearchTerms VALUES(31,'cinfo31@stroyplyus.ru');
INSERT INTO ClientSearchTerms VALUES(32,'cinfo32@beckerdruck.de');
INSERT INTO ClientSearchTerms VALUES(33,'cinfo33@partnergrupp.ru');
INSERT INTO ClientSearchTerms VALUES(34,'cinfo34@forvardsnab.ru');
INSERT INTO ClientSearchTerms VALUES(35,'cinfo35@granitkomplekt.ru');
INSERT INTO ClientSearchTerms VALUES(36,'cinfo36@kleindruck.de');
INSERT INTO ClientSearchTerms VALUES(37,'cinfo37@morozovyuliya.ru');
INSERT INTO ClientSearchTerms VALUES(38,'cinfo38@popovmariya.ru');
INSERT INTO ClientSearchTerms VALUES(39,'cinfo39@sibirprom.ru');
INSERT INTO ClientSearchTerms VALUES(3,'cinfo3@petrovsergey.ru');
INSERT INTO ClientSearchTerms VALUES(40,'cinfo40@stroylogistik.ru');
INSERT INTO ClientSearchTerms VALUES(4,'cinfo4@wolfvertrieb.de');
INSERT INTO ClientSearchTerms VALUES(5,'cinfo5@hoffmannlogistik.de');
INSERT INTO ClientSearchTerms VALUES(6,'cinfo6@lidergrupp.ru');
INSERT INTO ClientSearchTerms VALUES(7,'cinfo7@schwarzhandel.de');
INSERT INTO ClientSearchTerms VALUES(8,'cinfo8@forvardgrupp.ru');
INSERT INTO ClientSearchTerms VALUES(9,'cinfo9@kvantkomplekt.ru');
INSERT INTO ClientSearchTerms VALUES(33,'ealeksandr.fedorov50@partnergrupp.ru');
INSERT INTO ClientSearchTerms VALUES(18,'ealeksandr.petrov25@torgtreyd.ru');
INSERT INTO ClientSearchTerms VALUES(30,'ealeksandr.petrov45@sibirprom.ru');
INSERT INTO ClientSearchTerms VALUES(39,'ealeksey.kuznetsov57@sibirprom.ru');
INSERT INTO ClientSearchTerms VALUES(5,'eandreas.fischer8@hoffmannlogistik.de');
INSERT INTO ClientSearchTerms VALUES(2,'eandrey.semenov3@gorizontmarket.ru');
INSERT INTO ClientSearchTerms VALUES(8,'eanna.ivanov13@forvardgrupp.ru');
INSERT INTO ClientSearchTerms VALUES(8,'eanna.mihaylov12@forvardgrupp.ru');
INSERT INTO ClientSearchTerms VALUES(34,'eanna.smirnov52@forvardsnab.ru');
INSERT INTO ClientSearchTerms VALUES(18,'eanna.vasilev26@torgtreyd.ru');
INSERT INTO ClientSearchTerms VALUES(17,'echristian.koch22@koehlerbau.de');
INSERT INTO ClientSearchTerms VALUES(17,'eclaudia.koch23@koehlerbau.de');
INSERT INTO ClientSearchTerms VALUES(36,'eclaudia.mueller54@kleindruck.de');
INSERT INTO ClientSearchTerms VALUES(11,'edmitriy.fedorov17@torgservis.ru');
INSERT INTO ClientSearchTerms VALUES(21,'edmitriy.morozov32@sibirtreyd.ru');
INSERT INTO ClientSearchTerms VALUES(24,'edmitriy.semenov34@vostokinvest.ru');
INSERT INTO ClientSearchTerms VALUES(35,'eelena.alekseev53@granitkomplekt.ru');
INSERT INTO ClientSearchTerms VALUES(31,'eelena.fedorov46@stroyplyus.ru');
INSERT INTO ClientSearchTerms VALUES(39,'eelena.kuznetsov56@sibirprom.ru');
INSERT INTO ClientSearchTerms VALUES(9,'eelena.mihaylov14@kvantkomplekt.ru');
INSERT INTO ClientSearchTerms VALUES(28,'eelena.semenov41@favoritservis.ru');
INSERT INTO ClientSearchTerms VALUES(32,'efelix.weber47@beckerdruck.de');
INSERT INTO ClientSearchTerms VALUES(25,'eirina.petrov37@tehnologistik.ru');
INSERT INTO ClientSearchTerms VALUES(32,'ejuergen.mueller48@beckerdruck.de');
INSERT INTO ClientSearchTerms VALUES(7,'ejuergen.weber11@schwarzhandel.de');
INSERT INTO ClientSearchTerms VALUES(17,'ejulia.weber24@koehlerbau.de');
INSERT INTO ClientSearchTerms VALUES(4,'ekatrin.koch6@wolfvertrieb.de');
INSERT INTO ClientSearchTerms VALUES(4,'elukas.koch5@wolfvertrieb.de');
INSERT INTO ClientSearchTerms VALUES(25,'emariya.fedorov38@tehnologistik.ru');
INSERT INTO ClientSearchTerms VALUES(25,'emariya.lebedev39@tehnologistik.ru');
INSERT INTO ClientSearchTerms VALUES(28,'emariya.mihaylov42@favoritservis.ru');
INSERT INTO ClientSearchTerms VALUES(30,'emariya.sokolov44@sibirprom.ru');
INSERT INTO ClientSearchTerms VALUES(9,'emihail.smirnov15@kvantkomplekt.ru');
INSERT INTO ClientSearchTerms VALUES(6,'emihail.sokolov10@lidergrupp.ru');
INSERT INTO ClientSearchTerms VALUES(33,'emihail.volkov51@partnergrupp.ru');
INSERT INTO ClientSearchTerms VALUES(4,'emonika.klein4@wolfvertrieb.de');
INSERT INTO ClientSearchTerms VALUES(5,'emonika.klein9@hoffmannlogistik.de');
INSERT INTO ClientSearchTerms VALUES(19,'enatalya.kuznetsov28@atlantservis.ru');
INSERT INTO ClientSearchTerms VALUES(40,'enatalya.kuznetsov59@stroylogistik.ru');
INSERT INTO ClientSearchTerms VALUES(12,'enatalya.morozov19@volgaprom.ru');
INSERT INTO ClientSearchTerms VALUES(24,'eolga.fedorov35@vostokinvest.ru');
INSERT INTO ClientSearchTerms VALUES(40,'eolga.morozov58@stroylogistik.ru');
INSERT INTO ClientSearchTerms VALUES(30,'eolga.petrov43@sibirprom.ru');
INSERT INTO ClientSearchTerms VALUES(19,'epavel.alekseev29@atlantservis.ru');
INSERT INTO ClientSearchTerms VALUES(1,'epavel.novikov2@etalongrupp.ru');
INSERT INTO ClientSearchTerms VALUES(5,'esabine.meyer7@hoffmannlogistik.de');
INSERT INTO ClientSearchTerms VALUES(11,'esergey.alekseev18@torgservis.ru');
INSERT INTO ClientSearchTerms VALUES(13,'estefan.schmidt20@neumannelektro.de');
INSERT INTO ClientSearchTerms VALUES(13,'estefan.schmidt21@neumannelektro.de');
INSERT INTO ClientSearchTerms VALUES(24,'etatyana.alekseev36@vostokinvest.ru');
INSERT INTO ClientSearchTerms VALUES(20,'etatyana.kuznetsov30@granitprom.ru');
INSERT INTO ClientSearchTerms VALUES(23,'etatyana.semenov33@volgagrupp.ru');
INSERT INTO ClientSearchTerms VALUES(39,'etatyana.vasilev55@sibirprom.ru');
INSERT INTO ClientSearchTerms VALUES(26,'eyuliya.morozov40@pulsservis.ru');
INSERT INTO ClientSearchTerms VALUES(33,'eyuliya.petrov49@partnergrupp.ru');
INSERT INTO ClientSearchTerms VALUES(18,'eyuliya.semenov27@torgtreyd.ru');
INSERT INTO ClientSearchTerms VALUES(9,'eyuliya.volkov16@kvantkomplekt.ru');
INSERT INTO ClientSearchTerms VALUES(20,'eyuliya.volkov31@granitprom.ru');
INSERT INTO ClientSearchTerms VALUES(14,'i282512443774');
INSERT INTO ClientSearchTerms VALUES(10,'i302755847202');
INSERT INTO ClientSearchTerms VALUES(5,'nag');
INSERT INTO ClientSearchTerms VALUES(5,'nandreas');
INSERT INTO ClientSearchTerms VALUES(17,'nbau');
INSERT INTO ClientSearchTerms VALUES(32,'nbecker');
INSERT INTO ClientSearchTerms VALUES(17,'nchristian');
INSERT INTO ClientSearchTerms VALUES(27,'nchristian');
INSERT INTO ClientSearchTerms VALUES(17,'nclaudia');
INSERT INTO ClientSearchTerms VALUES(36,'nclaudia');
INSERT INTO ClientSearchTerms VALUES(32,'nco');
INSERT INTO ClientSearchTerms VALUES(32,'ndruck');
INSERT INTO ClientSearchTerms VALUES(36,'ndruck');
INSERT INTO ClientSearchTerms VALUES(4,'ne');
INSERT INTO ClientSearchTerms VALUES(13,'nelektro');
INSERT INTO ClientSearchTerms VALUES(32,'nfelix');
INSERT INTO ClientSearchTerms VALUES(5,'nfischer');
INSERT INTO ClientSearchTerms VALUES(13,'ngmbh');
INSERT INTO ClientSearchTerms VALUES(32,'ngmbh');
INSERT INTO ClientSearchTerms VALUES(7,'nhandel');
INSERT INTO ClientSearchTerms VALUES(5,'nhoffmann');
INSERT INTO ClientSearchTerms VALUES(17,'njulia');
INSERT INTO ClientSearchTerms VALUES(7,'njürgen');
INSERT INTO ClientSearchTerms VALUES(22,'njürgen');
INSERT INTO ClientSearchTerms VALUES(32,'njürgen');
INSERT INTO ClientSearchTerms VALUES(4,'nk');
INSERT INTO ClientSearchTerms VALUES(4,'nkatrin');
INSERT INTO ClientSearchTerms VALUES(7,'nkg');
INSERT INTO ClientSearchTerms VALUES(17,'nkg');
INSERT INTO ClientSearchTerms VALUES(32,'nkg');
INSERT INTO ClientSearchTerms VALUES(36,'nkg');
INSERT INTO ClientSearchTerms VALUES(4,'nklein');
INSERT INTO ClientSearchTerms VALUES(5,'nklein');
INSERT INTO ClientSearchTerms VALUES(36,'nklein');
INSERT INTO ClientSearchTerms VALUES(4,'nkoch');
INSERT INTO ClientSearchTerms VALUES(17,'nkoch');
INSERT INTO ClientSearchTerms VALUES(22,'nkoch');
INSERT INTO ClientSearchTerms VALUES(17,'nköhler');
INSERT INTO ClientSearchTerms VALUES(5,'nlogistik');
INSERT INTO ClientSearchTerms VALUES(4,'nlukas');
INSERT INTO ClientSearchTerms VALUES(5,'nmeyer');
INSERT INTO ClientSearchTerms VALUES(4,'nmonika');
INSERT INTO ClientSearchTerms VALUES(5,'nmonika');
INSERT INTO ClientSearchTerms VALUES(32,'nmüller');
INSERT INTO ClientSearchTerms VALUES(36,'nmüller');
INSERT INTO ClientSearchTerms VALUES(13,'nneumann');
INSERT INTO ClientSearchTerms VALUES(5,'nsabine');
INSERT INTO ClientSearchTerms VALUES(13,'nschmidt');
INSERT INTO ClientSearchTerms VALUES(27,'nschneider');
INSERT INTO ClientSearchTerms VALUES(7,'nschwarz');
INSERT INTO ClientSearchTerms VALUES(13,'nstefan');
INSERT INTO ClientSearchTerms VALUES(4,'nvertrieb');
INSERT INTO ClientSearchTerms VALUES(7,'nweber');
INSERT INTO ClientSearchTerms VALUES(17,'nweber');
INSERT INTO ClientSearchTerms VALUES(32,'nweber');
INSERT INTO ClientSearchTerms VALUES(4,'nwolf');
INSERT INTO ClientSearchTerms VALUES(18,'nалександр');
INSERT INTO ClientSearchTerms VALUES(30,'nалександр');
INSERT INTO ClientSearchTerms VALUES(33,'nалександр');
INSERT INTO ClientSearchTerms VALUES(11,'nалексеев');
INSERT INTO ClientSearchTerms VALUES(19,'nалексеев');
INSERT INTO ClientSearchTerms VALUES(24,'nалексеев');
INSERT INTO ClientSearchTerms VALUES(35,'nалексеев');
INSERT INTO ClientSearchTerms VALUES(15,'nалексей');
INSERT INTO ClientSearchTerms VALUES(16,'nалексей');
INSERT INTO ClientSearchTerms VALUES(39,'nалексей');
INSERT INTO ClientSearchTerms VALUES(2,'nандрей');
INSERT INTO ClientSearchTerms VALUES(14,'nандрей');
INSERT INTO ClientSearchTerms VALUES(8,'nанна');
INSERT INTO ClientSearchTerms VALUES(10,'nанна');
INSERT INTO ClientSearchTerms VALUES(18,'nанна');
INSERT INTO ClientSearchTerms VALUES(34,'nанна');
INSERT INTO ClientSearchTerms VALUES(6,'nао');
INSERT INTO ClientSearchTerms VALUES(11,'nао');
INSERT INTO ClientSearchTerms VALUES(19,'nао');
INSERT INTO ClientSearchTerms VALUES(28,'nао');
INSERT INTO ClientSearchTerms VALUES(31,'nао');
INSERT INTO ClientSearchTerms VALUES(33,'nао');
INSERT INTO ClientSearchTerms VALUES(34,'nао');
INSERT INTO ClientSearchTerms VALUES(19,'nатлантсервис');
INSERT INTO ClientSearchTerms VALUES(18,'nвасильев');
INSERT INTO ClientSearchTerms VALUES(39,'nвасильев');
INSERT INTO ClientSearchTerms VALUES(23,'nволгагрупп');
INSERT INTO ClientSearchTerms VALUES(12,'nволгапром');
INSERT INTO ClientSearchTerms VALUES(9,'nволков');
INSERT INTO ClientSearchTerms VALUES(20,'nволков');
INSERT INTO ClientSearchTerms VALUES(33,'nволков');
INSERT INTO ClientSearchTerms VALUES(24,'nвостокинвест');
INSERT INTO ClientSearchTerms VALUES(2,'nгоризонтмаркет');
INSERT INTO ClientSearchTerms VALUES(35,'nграниткомплект');
INSERT INTO ClientSearchTerms VALUES(20,'nгранитпром');
INSERT INTO ClientSearchTerms VALUES(11,'nдмитрий');
INSERT INTO ClientSearchTerms VALUES(21,'nдмитрий');
INSERT INTO ClientSearchTerms VALUES(24,'nдмитрий');
INSERT INTO ClientSearchTerms VALUES(29,'nдмитрий');
INSERT INTO ClientSearchTerms VALUES(9,'nелена');
INSERT INTO ClientSearchTerms VALUES(28,'nелена');
INSERT INTO ClientSearchTerms VALUES(31,'nелена');
INSERT INTO ClientSearchTerms VALUES(35,'nелена');
INSERT INTO ClientSearchTerms VALUES(39,'nелена');
INSERT INTO ClientSearchTerms VALUES(8,'nиванов');
INSERT INTO ClientSearchTerms VALUES(9,'nип');
INSERT INTO ClientSearchTerms VALUES(20,'nип');
INSERT INTO ClientSearchTerms VALUES(21,'nип');
INSERT INTO ClientSearchTerms VALUES(35,'nип');
INSERT INTO ClientSearchTerms VALUES(25,'nирина');
INSERT INTO ClientSearchTerms VALUES(9,'nкванткомплект');
INSERT INTO ClientSearchTerms VALUES(16,'nкузнецов');
INSERT INTO ClientSearchTerms VALUES(19,'nкузнецов');
INSERT INTO ClientSearchTerms VALUES(20,'nкузнецов');
INSERT INTO ClientSearchTerms VALUES(39,'nкузнецов');
INSERT INTO ClientSearchTerms VALUES(40,'nкузнецов');
INSERT INTO ClientSearchTerms VALUES(25,'nлебедев');
INSERT INTO ClientSearchTerms VALUES(6,'nлидергрупп');
INSERT INTO ClientSearchTerms VALUES(25,'nмария');
INSERT INTO ClientSearchTerms VALUES(28,'nмария');
INSERT INTO ClientSearchTerms VALUES(30,'nмария');
INSERT INTO ClientSearchTerms VALUES(38,'nмария');
INSERT INTO ClientSearchTerms VALUES(6,'nмихаил');
INSERT INTO ClientSearchTerms VALUES(9,'nмихаил');
INSERT INTO ClientSearchTerms VALUES(33,'nмихаил');
INSERT INTO ClientSearchTerms VALUES(8,'nмихайлов');
INSERT INTO ClientSearchTerms VALUES(9,'nмихайлов');
INSERT INTO ClientSearchTerms VALUES(10,'nмихайлов');
INSERT INTO ClientSearchTerms VALUES(28,'nмихайлов');
INSERT INTO ClientSearchTerms VALUES(12,'nморозов');
INSERT INTO ClientSearchTerms VALUES(21,'nморозов');
INSERT INTO ClientSearchTerms VALUES(26,'nморозов');
INSERT INTO ClientSearchTerms VALUES(37,'nморозов');
INSERT INTO ClientSearchTerms VALUES(40,'nморозов');
INSERT INTO ClientSearchTerms VALUES(12,'nнаталья');
INSERT INTO ClientSearchTerms VALUES(19,'nнаталья');
INSERT INTO ClientSearchTerms VALUES(40,'nнаталья');
INSERT INTO ClientSearchTerms VALUES(1,'nновиков');
INSERT INTO ClientSearchTerms VALUES(24,'nольга');
INSERT INTO ClientSearchTerms VALUES(30,'nольга');
INSERT INTO ClientSearchTerms VALUES(40,'nольга');
INSERT INTO ClientSearchTerms VALUES(2,'nооо');
INSERT INTO ClientSearchTerms VALUES(18,'nооо');
INSERT INTO ClientSearchTerms VALUES(1,'nпавел');
INSERT INTO ClientSearchTerms VALUES(19,'nпавел');
INSERT INTO ClientSearchTerms VALUES(1,'nпао');
INSERT INTO ClientSearchTerms VALUES(8,'nпао');
INSERT INTO ClientSearchTerms VALUES(12,'nпао');
INSERT INTO ClientSearchTerms VALUES(23,'nпао');
INSERT INTO ClientSearchTerms VALUES(24,'nпао');
INSERT INTO ClientSearchTerms VALUES(25,'nпао');
INSERT INTO ClientSearchTerms VALUES(26,'nпао');
INSERT INTO ClientSearchTerms VALUES(30,'nпао');
INSERT INTO ClientSearchTerms VALUES(39,'nпао');
INSERT INTO ClientSearchTerms VALUES(40,'nпао');
INSERT INTO ClientSearchTerms VALUES(33,'nпартнергрупп');
INSERT INTO ClientSearchTerms VALUES(3,'nпетров');
INSERT INTO ClientSearchTerms VALUES(18,'nпетров');
INSERT INTO ClientSearchTerms VALUES(25,'nпетров');
INSERT INTO ClientSearchTerms VALUES(30,'nпетров');
INSERT INTO ClientSearchTerms VALUES(33,'nпетров');
INSERT INTO ClientSearchTerms VALUES(14,'nпопов');
INSERT INTO ClientSearchTerms VALUES(15,'nпопов');
INSERT INTO ClientSearchTerms VALUES(38,'nпопов');
INSERT INTO ClientSearchTerms VALUES(26,'nпульссервис');
INSERT INTO ClientSearchTerms VALUES(2,'nсеменов');
INSERT INTO ClientSearchTerms VALUES(18,'nсеменов');
INSERT INTO ClientSearchTerms VALUES(23,'nсеменов');
INSERT INTO ClientSearchTerms VALUES(24,'nсеменов');
INSERT INTO ClientSearchTerms VALUES(28,'nсеменов');
INSERT INTO ClientSearchTerms VALUES(3,'nсергей');
INSERT INTO ClientSearchTerms VALUES(11,'nсергей');
INSERT INTO ClientSearchTerms VALUES(30,'nсибирьпром');
INSERT INTO ClientSearchTerms VALUES(39,'nсибирьпром');
INSERT INTO ClientSearchTerms VALUES(21,'nсибирьтрейд');
INSERT INTO ClientSearchTerms VALUES(9,'nсмирнов');
INSERT INTO ClientSearchTerms VALUES(34,'nсмирнов');
INSERT INTO ClientSearchTerms VALUES(6,'nсоколов');
INSERT INTO ClientSearchTerms VALUES(29,'nсоколов');
INSERT INTO ClientSearchTerms VALUES(30,'nсоколов');
INSERT INTO ClientSearchTerms VALUES(40,'nстройлогистик');
INSERT INTO ClientSearchTerms VALUES(31,'nстройплюс');
INSERT INTO ClientSearchTerms VALUES(20,'nтатьяна');
INSERT INTO ClientSearchTerms VALUES(23,'nтатьяна');
INSERT INTO ClientSearchTerms VALUES(24,'nтатьяна');
INSERT INTO ClientSearchTerms VALUES(39,'nтатьяна');
INSERT INTO ClientSearchTerms VALUES(25,'nтехнологистик');
INSERT INTO ClientSearchTerms VALUES(11,'nторгсервис');
INSERT INTO ClientSearchTerms VALUES(18,'nторгтрейд');
INSERT INTO ClientSearchTerms VALUES(28,'nфаворитсервис');
INSERT INTO ClientSearchTerms VALUES(11,'nфедоров');
INSERT INTO ClientSearchTerms VALUES(24,'nфедоров');
INSERT INTO ClientSearchTerms VALUES(25,'nфедоров');
INSERT INTO ClientSearchTerms VALUES(31,'nфедоров');
INSERT INTO ClientSearchTerms VALUES(33,'nфедоров');
INSERT INTO ClientSearchTerms VALUES(8,'nфорвардгрупп');
INSERT INTO ClientSearchTerms VALUES(34,'nфорвардснаб');
INSERT INTO ClientSearchTerms VALUES(1,'nэталонгрупп');
INSERT INTO ClientSearchTerms VALUES(9,'nюлия');
INSERT INTO ClientSearchTerms VALUES(18,'nюлия');
INSERT INTO ClientSearchTerms VALUES(20,'nюлия');
INSERT INTO ClientSearchTerms VALUES(26,'nюлия');
INSERT INTO ClientSearchTerms VALUES(33,'nюлия');
INSERT INTO ClientSearchTerms VALUES(37,'nюлия');
INSERT INTO ClientSearchTerms VALUES(36,'p491701081024');
INSERT INTO ClientSearchTerms VALUES(32,'p491703322222');
INSERT INTO ClientSearchTerms VALUES(17,'p491703665508');
INSERT INTO ClientSearchTerms VALUES(4,'p491703923326');
INSERT INTO ClientSearchTerms VALUES(13,'p491704219888');
INSERT INTO ClientSearchTerms VALUES(13,'p491704761221');
INSERT INTO ClientSearchTerms VALUES(5,'p491705026228');
INSERT INTO ClientSearchTerms VALUES(5,'p491705650792');
INSERT INTO ClientSearchTerms VALUES(32,'p491705996751');
INSERT INTO ClientSearchTerms VALUES(5,'p491706349359');
INSERT INTO ClientSearchTerms VALUES(17,'p491706721291');
INSERT INTO ClientSearchTerms VALUES(7,'p491707602360');
INSERT INTO ClientSearchTerms VALUES(17,'p491708656089');
INSERT INTO ClientSearchTerms VALUES(4,'p491708818177');
INSERT INTO ClientSearchTerms VALUES(4,'p491709299914');
INSERT INTO ClientSearchTerms VALUES(20,'p79128590636');
INSERT INTO ClientSearchTerms VALUES(39,'p79135671816');
INSERT INTO ClientSearchTerms VALUES(31,'p79141237103');
INSERT INTO ClientSearchTerms VALUES(1,'p79144326143');
INSERT INTO ClientSearchTerms VALUES(26,'p79173463072');
INSERT INTO ClientSearchTerms VALUES(6,'p79228587898');
INSERT INTO ClientSearchTerms VALUES(18,'p79229632767');
INSERT INTO ClientSearchTerms VALUES(33,'p79243442959');
INSERT INTO ClientSearchTerms VALUES(25,'p79275468178');
INSERT INTO ClientSearchTerms VALUES(40,'p79277232787');
INSERT INTO ClientSearchTerms VALUES(39,'p79341061947');
INSERT INTO ClientSearchTerms VALUES(24,'p79343550373');
INSERT INTO ClientSearchTerms VALUES(28,'p79373752375');
INSERT INTO ClientSearchTerms VALUES(25,'p79404447975');
INSERT INTO ClientSearchTerms VALUES(24,'p79408292811');
INSERT INTO ClientSearchTerms VALUES(33,'p79417502057');
INSERT INTO ClientSearchTerms VALUES(20,'p79426173319');
INSERT INTO ClientSearchTerms VALUES(18,'p79455435161');
INSERT INTO ClientSearchTerms VALUES(30,'p79524672956');
INSERT INTO ClientSearchTerms VALUES(11,'p79531482513');
INSERT INTO ClientSearchTerms VALUES(12,'p79578093308');
INSERT INTO ClientSearchTerms VALUES(21,'p79651334798');
INSERT INTO ClientSearchTerms VALUES(9,'p79678795597');
INSERT INTO ClientSearchTerms VALUES(28,'p79697670996');
INSERT INTO ClientSearchTerms VALUES(39,'p79707230529');
INSERT INTO ClientSearchTerms VALUES(34,'p79714451437');
INSERT INTO ClientSearchTerms VALUES(30,'p79731691202');
INSERT INTO ClientSearchTerms VALUES(24,'p79755853783');
INSERT INTO ClientSearchTerms VALUES(8,'p79768467350');
INSERT INTO ClientSearchTerms VALUES(30,'p79792788955');
INSERT INTO ClientSearchTerms VALUES(25,'p79828029407');
INSERT INTO ClientSearchTerms VALUES(9,'p79857977655');
INSERT INTO ClientSearchTerms VALUES(40,'p79872042871');
INSERT INTO ClientSearchTerms VALUES(2,'p79902659399');
INSERT INTO ClientSearchTerms VALUES(33,'p79905711690');
INSERT INTO ClientSearchTerms VALUES(8,'p79909279700');
INSERT INTO ClientSearchTerms VALUES(11,'p79921305112');
INSERT INTO ClientSearchTerms VALUES(9,'p79925144097');
INSERT INTO ClientSearchTerms VALUES(18,'p79942363436');
INSERT INTO ClientSearchTerms VALUES(19,'p79973906223');
INSERT INTO ClientSearchTerms VALUES(19,'p79975395585');
INSERT INTO ClientSearchTerms VALUES(23,'p79978856109');
INSERT INTO ClientSearchTerms VALUES(35,'p79978993720');
INSERT INTO ClientSearchTerms VALUES(35,'t1006424270');
INSERT INTO ClientSearchTerms VALUES(6,'t1420606822');
INSERT INTO ClientSearchTerms VALUES(39,'t1475722169');
INSERT INTO ClientSearchTerms VALUES(20,'t1971597719');
INSERT INTO ClientSearchTerms VALUES(21,'t2105171631');
INSERT INTO ClientSearchTerms VALUES(40,'t2172380341');
INSERT INTO ClientSearchTerms VALUES(1,'t2515733309');
INSERT INTO ClientSearchTerms VALUES(12,'t2813096038');
INSERT INTO ClientSearchTerms VALUES(18,'t2915684600');
INSERT INTO ClientSearchTerms VALUES(28,'t3337728811');
INSERT INTO ClientSearchTerms VALUES(9,'t3445020984');
INSERT INTO ClientSearchTerms VALUES(30,'t4391174641');
INSERT INTO ClientSearchTerms VALUES(25,'t4590004267');
INSERT INTO ClientSearchTerms VALUES(34,'t4942620373');
INSERT INTO ClientSearchTerms VALUES(19,'t5449540530');
INSERT INTO ClientSearchTerms VALUES(26,'t6315587136');
INSERT INTO ClientSearchTerms VALUES(33,'t6488373115');
INSERT INTO ClientSearchTerms VALUES(23,'t6608234726');
INSERT INTO ClientSearchTerms VALUES(2,'t6764630460');
INSERT INTO ClientSearchTerms VALUES(24,'t6880574488');
INSERT INTO ClientSearchTerms VALUES(31,'t7532297281');
INSERT INTO ClientSearchTerms VALUES(8,'t8584482311');
INSERT INTO ClientSearchTerms VALUES(11,'t9267902060');
INSERT INTO ClientSearchTerms VALUES(5,'tde275375750');
INSERT INTO ClientSearchTerms VALUES(36,'tde283328751');
INSERT INTO ClientSearchTerms VALUES(13,'tde617851860');
INSERT INTO ClientSearchTerms VALUES(4,'tde704801430');
INSERT INTO ClientSearchTerms VALUES(7,'tde710818601');
INSERT INTO ClientSearchTerms VALUES(17,'tde808741099');
INSERT INTO ClientSearchTerms VALUES(32,'tde855770461');
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('AspNetUsers',7);
INSERT INTO sqlite_sequence VALUES('AcquisitionChannels',8);
INSERT INTO sqlite_sequence VALUES('ClientGroups',3);
INSERT INTO sqlite_sequence VALUES('ChurnReasons',7);
INSERT INTO sqlite_sequence VALUES('ProductCategories',6);
INSERT INTO sqlite_sequence VALUES('Products',25);
INSERT INTO sqlite_sequence VALUES('Clients',40);
INSERT INTO sqlite_sequence VALUES('ContactPersons',58);
INSERT INTO sqlite_sequence VALUES('Purchases',300);
INSERT INTO sqlite_sequence VALUES('PurchaseLines',592);
INSERT INTO sqlite_sequence VALUES('ServiceCosts',15);
INSERT INTO sqlite_sequence VALUES('Interactions',108);
INSERT INTO sqlite_sequence VALUES('Tasks',9);
INSERT INTO sqlite_sequence VALUES('ExchangeRates',37);
INSERT INTO sqlite_sequence VALUES('Competitors',1);
INSERT INTO sqlite_sequence VALUES('ClientLosses',2);
INSERT INTO sqlite_sequence VALUES('ClientLoyaltySteps',155);
CREATE UNIQUE INDEX "IX_AcquisitionChannels_Code" ON "AcquisitionChannels" ("Code");
CREATE INDEX "IX_ApiTokens_EmployeeId_Name" ON "ApiTokens" ("EmployeeId", "Name");
CREATE UNIQUE INDEX "IX_ApiTokens_Hash" ON "ApiTokens" ("Hash");
CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");
CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");
CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");
CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");
CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");
CREATE INDEX "IX_ClientCoManagers_EmployeeId" ON "ClientCoManagers" ("EmployeeId");
CREATE INDEX "IX_Clients_AcquisitionChannelId_NameKey_Id" ON "Clients" ("AcquisitionChannelId", "NameKey", "Id");
CREATE INDEX "IX_Clients_AcquisitionChannelId_Role_NameKey_Id" ON "Clients" ("AcquisitionChannelId", "Role", "NameKey", "Id");
CREATE INDEX "IX_Clients_City_NameKey_Id" ON "Clients" ("City", "NameKey", "Id");
CREATE INDEX "IX_Clients_CreatedAt_Id" ON "Clients" ("CreatedAt", "Id");
CREATE INDEX "IX_Clients_Email" ON "Clients" ("Email");
CREATE INDEX "IX_Clients_LastPurchaseAt_Id" ON "Clients" ("LastPurchaseAt", "Id");
CREATE INDEX "IX_Clients_ManagerId_NameKey_Id" ON "Clients" ("ManagerId", "NameKey", "Id");
CREATE INDEX "IX_Clients_ManagerId_Status_NameKey_Id" ON "Clients" ("ManagerId", "Status", "NameKey", "Id");
CREATE INDEX "IX_Clients_NameKey_Id" ON "Clients" ("NameKey", "Id");
CREATE INDEX "IX_Clients_Phone" ON "Clients" ("Phone");
CREATE INDEX "IX_Clients_ReferredById" ON "Clients" ("ReferredById");
CREATE INDEX "IX_Clients_Region_NameKey_Id" ON "Clients" ("Region", "NameKey", "Id");
CREATE INDEX "IX_Clients_Region_Status_NameKey_Id" ON "Clients" ("Region", "Status", "NameKey", "Id");
CREATE INDEX "IX_Clients_Role_NameKey_Id" ON "Clients" ("Role", "NameKey", "Id");
CREATE INDEX "IX_Clients_Status_LastPurchaseAt_Id" ON "Clients" ("Status", "LastPurchaseAt", "Id");
CREATE INDEX "IX_Clients_Status_NameKey_Id" ON "Clients" ("Status", "NameKey", "Id");
CREATE INDEX "IX_Clients_TaxId" ON "Clients" ("TaxId");
CREATE INDEX "IX_ClientTags_Tag_ClientId" ON "ClientTags" ("Tag", "ClientId");
CREATE INDEX "IX_ContactPersons_ClientId" ON "ContactPersons" ("ClientId");
CREATE INDEX "IX_IdempotencyRecords_CreatedAt" ON "IdempotencyRecords" ("CreatedAt");
CREATE UNIQUE INDEX "IX_IdempotencyRecords_EmployeeId_Key" ON "IdempotencyRecords" ("EmployeeId", "Key");
CREATE INDEX "IX_Interactions_ClientId_OccurredAt" ON "Interactions" ("ClientId", "OccurredAt");
CREATE INDEX "IX_Interactions_ContactPersonId" ON "Interactions" ("ContactPersonId");
CREATE INDEX "IX_Interactions_EmployeeId" ON "Interactions" ("EmployeeId");
CREATE UNIQUE INDEX "IX_ProductCategories_Name" ON "ProductCategories" ("Name");
CREATE INDEX "IX_Products_CategoryId" ON "Products" ("CategoryId");
CREATE UNIQUE INDEX "IX_Products_Sku" ON "Products" ("Sku");
CREATE INDEX "IX_PurchaseLines_ProductId" ON "PurchaseLines" ("ProductId");
CREATE INDEX "IX_PurchaseLines_PurchaseId" ON "PurchaseLines" ("PurchaseId");
CREATE INDEX "IX_Purchases_ClientId_Date" ON "Purchases" ("ClientId", "Date");
CREATE INDEX "IX_Purchases_Date" ON "Purchases" ("Date");
CREATE INDEX "IX_Purchases_ManagerId" ON "Purchases" ("ManagerId");
CREATE INDEX "IX_ServiceCosts_ClientId_Date" ON "ServiceCosts" ("ClientId", "Date");
CREATE INDEX "IX_Tasks_AssigneeId_Done_DueAt" ON "Tasks" ("AssigneeId", "Done", "DueAt");
CREATE INDEX "IX_Tasks_ClientId_DueAt" ON "Tasks" ("ClientId", "DueAt");
CREATE INDEX "IX_ClientGroupMembers_ClientId" ON "ClientGroupMembers" ("ClientId");
CREATE UNIQUE INDEX "IX_ClientGroups_Name" ON "ClientGroups" ("Name");
CREATE INDEX "IX_ClientMonthFigures_Month" ON "ClientMonthFigures" ("Month");
CREATE UNIQUE INDEX "IX_ExchangeRates_Currency_ValidFrom" ON "ExchangeRates" ("Currency", "ValidFrom");
CREATE UNIQUE INDEX "IX_ChurnReasons_Code" ON "ChurnReasons" ("Code");
CREATE INDEX "IX_ClientLosses_ClientId_WonBackOn" ON "ClientLosses" ("ClientId", "WonBackOn");
CREATE INDEX "IX_ClientLosses_CompetitorId" ON "ClientLosses" ("CompetitorId");
CREATE INDEX "IX_ClientLosses_LostOn" ON "ClientLosses" ("LostOn");
CREATE INDEX "IX_ClientLosses_ManagerId" ON "ClientLosses" ("ManagerId");
CREATE INDEX "IX_ClientLosses_ReasonId" ON "ClientLosses" ("ReasonId");
CREATE INDEX "IX_ClientLosses_RecordedById" ON "ClientLosses" ("RecordedById");
CREATE INDEX "IX_ClientLoyalty_Stage" ON "ClientLoyalty" ("Stage");
CREATE INDEX "IX_ClientLoyaltySteps_ClientId_Date" ON "ClientLoyaltySteps" ("ClientId", "Date");
CREATE INDEX "IX_Competitors_MergedIntoId" ON "Competitors" ("MergedIntoId");
CREATE INDEX "IX_Competitors_Name" ON "Competitors" ("Name");
CREATE INDEX "IX_ClientLifetimes_EpisodeTaskId" ON "ClientLifetimes" ("EpisodeTaskId");
CREATE INDEX "IX_ClientLifetimes_Reason_Clv" ON "ClientLifetimes" ("Reason", "Clv");
CREATE INDEX "IX_JobRuns_Name_StartedAt" ON "JobRuns" ("Name", "StartedAt");
CREATE INDEX "IX_LifetimeFits_FittedAt" ON "LifetimeFits" ("FittedAt");
CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");
CREATE INDEX "IX_AuditEntries_EmployeeId_At" ON "AuditEntries" ("EmployeeId", "At");
CREATE INDEX "IX_AuditEntryClients_ClientId_At" ON "AuditEntryClients" ("ClientId", "At");
CREATE INDEX "IX_AuditEntryClients_EmployeeId_At_Action_ClientId" ON "AuditEntryClients" ("EmployeeId", "At", "Action", "ClientId");
CREATE UNIQUE INDEX "IX_ConsentTexts_Code_Version" ON "ConsentTexts" ("Code", "Version");
CREATE INDEX "IX_ConsentTexts_CreatedById" ON "ConsentTexts" ("CreatedById");
CREATE INDEX "IX_DataBreaches_DiscoveredAt" ON "DataBreaches" ("DiscoveredAt");
CREATE INDEX "IX_DataBreaches_RecordedById" ON "DataBreaches" ("RecordedById");
CREATE UNIQUE INDEX "IX_ErasureRecords_ClientId" ON "ErasureRecords" ("ClientId");
CREATE INDEX "IX_ErasureRecords_ErasedAt" ON "ErasureRecords" ("ErasedAt");
CREATE INDEX "IX_ErasureRecords_ErasedById" ON "ErasureRecords" ("ErasedById");
CREATE UNIQUE INDEX "IX_ExportCanaries_Email" ON "ExportCanaries" ("Email");
CREATE INDEX "IX_ExportCanaries_ExportId" ON "ExportCanaries" ("ExportId");
CREATE UNIQUE INDEX "IX_ExportCanaries_Phone" ON "ExportCanaries" ("Phone");
CREATE INDEX "IX_ExportRecords_DecidedById" ON "ExportRecords" ("DecidedById");
CREATE INDEX "IX_ExportRecords_EmployeeId_At" ON "ExportRecords" ("EmployeeId", "At");
CREATE INDEX "IX_ExportRecords_Status_At" ON "ExportRecords" ("Status", "At");
CREATE INDEX "IX_MassAccessAlerts_EmployeeId_LiftedAt" ON "MassAccessAlerts" ("EmployeeId", "LiftedAt");
CREATE INDEX "IX_PersonalDataConsents_ClientId_Channel_Purpose_Id" ON "PersonalDataConsents" ("ClientId", "Channel", "Purpose", "Id");
CREATE INDEX "IX_PersonalDataConsents_ConsentTextId" ON "PersonalDataConsents" ("ConsentTextId");
CREATE INDEX "IX_PersonalDataConsents_ContactPersonId" ON "PersonalDataConsents" ("ContactPersonId");
CREATE INDEX "IX_PersonalDataConsents_RecordedById" ON "PersonalDataConsents" ("RecordedById");
CREATE INDEX "IX_PersonalDataConsents_WithdrawnById" ON "PersonalDataConsents" ("WithdrawnById");
CREATE INDEX "IX_UserSessions_EmployeeId_RevokedAt" ON "UserSessions" ("EmployeeId", "RevokedAt");
CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");
CREATE INDEX "IX_AspNetUsers_TeamLeadId" ON "AspNetUsers" ("TeamLeadId");
CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");
CREATE INDEX "IX_ClientMerges_KeptId_Id" ON "ClientMerges" ("KeptId", "Id");
CREATE INDEX "IX_ClientMerges_MergedAt" ON "ClientMerges" ("MergedAt");
CREATE INDEX "IX_ClientMerges_MergedId_Id" ON "ClientMerges" ("MergedId", "Id");
CREATE UNIQUE INDEX "IX_DuplicateCandidates_ClientId_OtherClientId" ON "DuplicateCandidates" ("ClientId", "OtherClientId");
CREATE INDEX "IX_DuplicateCandidates_ImportJobId" ON "DuplicateCandidates" ("ImportJobId");
CREATE INDEX "IX_DuplicateCandidates_Status_Score" ON "DuplicateCandidates" ("Status", "Score");
CREATE INDEX "IX_ImportJobs_CreatedAt" ON "ImportJobs" ("CreatedAt");
CREATE INDEX "IX_ImportJobs_FileHash_Status" ON "ImportJobs" ("FileHash", "Status");
CREATE INDEX "IX_ImportPresets_CreatedById" ON "ImportPresets" ("CreatedById");
CREATE UNIQUE INDEX "IX_ImportPresets_Kind_Name" ON "ImportPresets" ("Kind", "Name");
CREATE INDEX "IX_ImportStagedClients_JobId_Action" ON "ImportStagedClients" ("JobId", "Action");
CREATE INDEX "IX_ClientSearchTerms_Term_ClientId" ON "ClientSearchTerms" ("Term", "ClientId");
CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
WHEN NOT (NEW."Detail" LIKE (char(123) || '"redacted":"%') AND OLD."Detail" IS NOT NULL AND NEW."Id" = OLD."Id" AND NEW."At" = OLD."At"
    AND NEW."EmployeeId" IS OLD."EmployeeId" AND NEW."Action" = OLD."Action" AND NEW."Entity" IS OLD."Entity" AND NEW."EntityId" IS OLD."EntityId"
    AND NEW."Ip" IS OLD."Ip" AND NEW."RowCount" IS OLD."RowCount" AND NEW."ClientCount" = OLD."ClientCount"
    AND NEW."PrevHash" = OLD."PrevHash" AND NEW."Hash" = OLD."Hash")
BEGIN SELECT RAISE(ABORT, 'audit trail is append-only: UPDATE of AuditEntries refused'); END;
CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
WHEN OLD."At" >= strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || COALESCE((SELECT "RetentionDays" FROM "AuditSettings" WHERE "Id" = 1), 1095) || ' days')
BEGIN SELECT RAISE(ABORT, 'audit trail is append-only: DELETE of AuditEntries within the retention period refused'); END;
CREATE TRIGGER "AuditEntryClients_NoUpdate" BEFORE UPDATE ON "AuditEntryClients"
BEGIN SELECT RAISE(ABORT, 'audit trail is append-only: UPDATE of AuditEntryClients refused'); END;
CREATE TRIGGER "AuditEntryClients_NoDelete" BEFORE DELETE ON "AuditEntryClients"
WHEN OLD."At" >= strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || COALESCE((SELECT "RetentionDays" FROM "AuditSettings" WHERE "Id" = 1), 1095) || ' days')
BEGIN SELECT RAISE(ABORT, 'audit trail is append-only: DELETE of AuditEntryClients within the retention period refused'); END;
COMMIT;
