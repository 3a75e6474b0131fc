import { Query, Resolver } from '@nestjs/graphql';
import { CurrentTenant, Requires, type TenantContext } from '@candor/platform-auth';
import { Viewer } from './models/viewer.model';
import { ViewerService } from './viewer.service';

@Resolver(() => Viewer)
export class ViewerResolver {
  constructor(private readonly viewers: ViewerService) {}

  @Requires('stores:read')
  @Query(() => Viewer, { description: 'The signed-in caller, their consultancy and role.' })
  viewer(@CurrentTenant() ctx: TenantContext): Promise<Viewer> {
    return this.viewers.viewer(ctx);
  }
}
