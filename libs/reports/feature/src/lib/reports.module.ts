import { type DynamicModule, Module } from '@nestjs/common';
import { FindingRepository, ReportRepository } from '@candor/reports-data-access';
import { StoreRepository } from '@candor/tenancy-data-access';
import { FindingService } from './finding.service';
import { PortfolioResolver } from './portfolio.resolver';
import { PortfolioService } from './portfolio.service';
import { REPORTS_OPTIONS, type ReportsOptions } from './reports.options';
import { ScorecardResolver } from './scorecard.resolver';
import { ScorecardService } from './scorecard.service';

/** Resolvers of this feature; the API's schema printer builds the schema from these lists. */
export const REPORTS_RESOLVERS = [ScorecardResolver, PortfolioResolver];

@Module({})
export class ReportsModule {
  static forRoot(options: ReportsOptions): DynamicModule {
    return {
      module: ReportsModule,
      providers: [
        ...REPORTS_RESOLVERS,
        ScorecardService,
        PortfolioService,
        FindingService,
        { provide: ReportRepository, useValue: new ReportRepository() },
        { provide: FindingRepository, useValue: new FindingRepository() },
        StoreRepository,
        { provide: REPORTS_OPTIONS, useValue: options },
      ],
    };
  }
}
