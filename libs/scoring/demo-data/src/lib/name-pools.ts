/**
 * Word lists the demo draws from. Store names are invented family + brand pairs; any likeness to
 * a real dealership is a coincidence, which is why domains end in the reserved `.example`.
 */

/** Comma-separated words as a list: keeps long word lists compact and readable. */
function list(words: string): readonly string[] {
  return words.split(', ');
}

export const FIRST_NAMES: readonly string[] = list(
  'Pat, Dana, Jordan, Taylor, Morgan, Casey, Jamie, Alex, Chris, Sam, Maria, Jose, Luis, ' +
    'Ana, Carlos, Sofia, Emily, Michael, Jessica, David, Sarah, James, Ashley, Robert, ' +
    'Jennifer, Daniel, Amanda, Matthew, Brittany, Anthony, Nicole, Kevin, Stephanie, Brian, ' +
    'Megan, Jason, Lauren, Ryan, Rachel, Eric, Kayla, Tyler, Hannah, Brandon, Olivia, ' +
    'Justin, Grace, Aaron, Chloe, Marcus, Tanisha, Darnell, Keisha, Andre, Priya, Raj, Mei, ' +
    'Kenji, Linh, Minh, Omar, Fatima, Hector, Rosa, Derek, Tina, Wes, Yolanda',
);

export const LAST_NAMES: readonly string[] = list(
  'Reyes, Johnson, Williams, Brown, Jones, Garcia, Miller, Davis, Rodriguez, Martinez, ' +
    'Hernandez, Lopez, Gonzalez, Wilson, Anderson, Thomas, Moore, Jackson, Martin, Lee, ' +
    'Perez, Thompson, White, Harris, Sanchez, Clark, Ramirez, Lewis, Robinson, Walker, ' +
    'Young, Allen, King, Wright, Scott, Torres, Nguyen, Hill, Flores, Green, Adams, Nelson, ' +
    'Baker, Hall, Rivera, Campbell, Mitchell, Carter, Roberts, Patel, Kim, Chen, Okafor, ' +
    "Kowalski, Novak, Schmidt, O'Brien, Murphy, Sullivan, Brooks, Castillo, Dubois",
);

export const STORE_FAMILIES: readonly string[] = list(
  'Smith, Miller, Hendricks, Lakeside, Sunrise, Prairie, Summit, Riverside, Patterson, ' +
    'Bell, Westgate, Heritage, Gateway, Northside, Cornerstone, Liberty, Pioneer, Valley, ' +
    'Crossroads, Bayview, Ridgeline, Oakbrook, Maple, Harbor, Canyon, Foothills, Redwood, ' +
    'Lighthouse, Keystone, Meadowlark',
);

export interface Brand {
  make: string;
  /** What people call the store besides its name (`Chevy`). */
  nickname: string | null;
  models: readonly string[];
}

export const BRANDS: readonly Brand[] = [
  {
    make: 'Toyota',
    nickname: null,
    models: list('RAV4, Camry, Corolla, Highlander, Tacoma, Tundra, 4Runner'),
  },
  { make: 'Honda', nickname: null, models: list('CR-V, Civic, Accord, Pilot, HR-V, Odyssey') },
  {
    make: 'Ford',
    nickname: null,
    models: list('F-150, Explorer, Escape, Bronco Sport, Maverick, Ranger'),
  },
  {
    make: 'Chevrolet',
    nickname: 'Chevy',
    models: list('Silverado 1500, Equinox, Traverse, Tahoe, Trax, Colorado'),
  },
  {
    make: 'Nissan',
    nickname: null,
    models: list('Rogue, Altima, Pathfinder, Frontier, Kicks, Sentra'),
  },
  {
    make: 'Hyundai',
    nickname: null,
    models: list('Tucson, Santa Fe, Elantra, Palisade, Kona, Ioniq 5'),
  },
  {
    make: 'Kia',
    nickname: null,
    models: list('Sportage, Telluride, Sorento, Seltos, K5, Carnival'),
  },
  { make: 'Subaru', nickname: null, models: list('Outback, Forester, Crosstrek, Ascent') },
  { make: 'Mazda', nickname: null, models: list('CX-5, CX-50, CX-90, Mazda3') },
  { make: 'Volkswagen', nickname: 'VW', models: list('Tiguan, Atlas, Jetta, Taos') },
];

export interface Metro {
  timeZone: string;
  cities: readonly string[];
  /** Area codes of the metro: store lines, agent cells and most customers use them. */
  areaCodes: readonly string[];
}

export const METROS: readonly Metro[] = [
  {
    timeZone: 'America/Chicago',
    cities: ['Naperville', 'Schaumburg', 'Joliet', 'Oak Brook', 'Evanston', 'Orland Park'],
    areaCodes: ['312', '630', '708', '847', '773', '815'],
  },
  {
    timeZone: 'America/New_York',
    cities: ['Yonkers', 'Hempstead', 'Paramus', 'Stamford', 'White Plains', 'Huntington'],
    areaCodes: ['914', '516', '201', '203', '631', '718'],
  },
  {
    timeZone: 'America/Denver',
    cities: ['Aurora', 'Littleton', 'Boulder', 'Lakewood', 'Centennial', 'Fort Collins'],
    areaCodes: ['303', '720', '970', '719'],
  },
  {
    timeZone: 'America/Phoenix',
    cities: ['Mesa', 'Scottsdale', 'Tempe', 'Chandler', 'Glendale', 'Peoria'],
    areaCodes: ['602', '480', '623', '520'],
  },
  {
    timeZone: 'America/Los_Angeles',
    cities: ['Pasadena', 'Torrance', 'Burbank', 'Irvine', 'Ontario', 'Long Beach'],
    areaCodes: ['213', '310', '818', '626', '714', '909', '562'],
  },
];

export const LEAD_SOURCES = [
  ['cars.com', 17],
  ['autotrader', 12],
  ['cargurus', 18],
  ['truecar', 9],
  ['oem-site', 15],
  ['dealer-website', 21],
  ['facebook', 8],
] as const;

export const LEAD_COMMENTS = [
  'Is it available?',
  'What is your best out-the-door price?',
  'Do you take trade-ins? I have a 2017 with about 80k miles.',
  'I would like to schedule a test drive this weekend.',
  'Can you send me more pictures and the window sticker?',
  'Is the price negotiable?',
  'What incentives are available right now?',
  'Looking to lease. What would the payment be with $2,000 down?',
  'Is this still on the lot? I can come in after work.',
  'Do you have it in another color?',
  'I was pre-approved through my credit union.',
  'Please email only, I cannot take calls at work.',
] as const;

export const CUSTOMER_MAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;
export const FREE_MAIL_DOMAINS = ['gmail.com', 'yahoo.com'] as const;

/** Letters only, lower case: `O'Brien` → `obrien`. */
export function compact(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}
